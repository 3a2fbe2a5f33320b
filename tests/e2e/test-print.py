#!/usr/bin/python3
# test-print.py: print the monthly summary to a PDF through the print dialog's "Print to File",
# and compare its text with the one `sales-desk --report` writes for the same month.
#
#   test-print.py SALES_DESK LANG     LANG: en or zh_CN
#
# The app is driven as a person would, through AT-SPI: the primary menu (F10) and its item
# "Print Monthly Summary…", the summary's dialog (this month, the whole team) and its "Print…",
# then GTK's print dialog, where "Print to File" is chosen and "Print" pressed. GTK writes the
# file to its default place, the home folder (no XDG documents folder is set up), as a PDF.
# pdftotext must then read the same text as from the PDF of the command line.
#
# Needs an X display and a session bus (build-aux/sales-desk-dev test provides both); exits
# 77 (skipped) without them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import difflib
import gettext
import glob
import os
import re
import subprocess
import sys
import tempfile
import time

SKIP = 77
import e2e
from e2e import APP_NAME, Failure, app_environment, check, find_app, log, name_of, wait_for, walk

e2e.DEADLINE = 170   # seconds for the whole test; meson's timeout is 180


def catalogue(domain, lang):
    localedir = os.environ.get('SALES_DESK_LOCALEDIR') if domain == 'sales-desk' else None
    if lang == 'en':
        return gettext.NullTranslations()
    return gettext.translation(domain, localedir=localedir, languages=[lang], fallback=True)


def label(text):
    """A label without its mnemonic, "(_P)" or "_", as GTK names the widget in one language
    and not quite the same in another ("打印(P)")."""
    return re.sub(r'\(_?[A-Za-z]\)|_', '', text)


def pdf_text(path):
    return subprocess.run(['pdftotext', '-layout', path, '-'], check=True, capture_output=True,
                          text=True).stdout


def dump(root, limit=30):
    """The windows' accessibles, for a person to see what the dialog offered."""
    for n in walk(root, limit=limit):
        try:
            print(f'  {n.getRoleName()}: {name_of(n)!r}', flush=True)
        except Exception:
            continue


def main(argv):
    if len(argv) != 3 or argv[2] not in ('en', 'zh_CN'):
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]

    checked = e2e.preflight(('xdotool', 'pdftotext'))
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    _ = catalogue('sales-desk', lang).gettext
    gtk = catalogue('gtk40', lang).gettext
    menu_item = label(_('_Print Monthly Summary…'))
    print_summary = label(_('_Print…'))
    to_file = gtk('Print to File')
    print_button = label(gtk('_Print'))

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        db_path = os.path.join(tmp, 'print.db')
        headless = os.path.join(tmp, 'headless.pdf')
        log_path = os.path.join(tmp, 'app.log')
        env = app_environment(lang, tmp)
        home = env['HOME']

        seeded = subprocess.run([binary, '--db', db_path, '--seed-demo', '--seed', '1',
                                 '--reps', '6'], env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            print(f'FAIL: --seed-demo exited with {seeded.returncode}: {seeded.stderr}')
            return 1
        month = time.strftime('%Y-%m')

        with open(log_path, 'w') as app_log:
            app = subprocess.Popen([binary, '--db', db_path], env=env, stdout=app_log,
                                   stderr=subprocess.STDOUT, cwd=home)
        log(f'started {binary} --db {db_path} (pid {app.pid})')
        status = 1
        try:
            desktop = pyatspi.Registry.getDesktop(0)

            def alive():
                if app.poll() is not None:
                    raise Failure(f'the app exited early with status {app.returncode}')

            def app_found():
                alive()
                return find_app(desktop)

            node = wait_for(f'{APP_NAME!r} in the AT-SPI registry', app_found, pump, 30)

            def find(predicate, limit=60):
                alive()
                try:
                    node.clear_cache()
                except Exception:
                    pass
                for i in range(node.childCount):
                    window = node.getChildAtIndex(i)
                    for n in walk(window, limit=limit):
                        if predicate(n):
                            return n
                return None

            def find_named(names, limit=60):
                return find(lambda n: label(name_of(n)) in names, limit)

            def role_name(n):
                try:
                    return n.getRoleName()
                except Exception:
                    return ''

            def find_button(text, limit=60):
                # GTK 4.8 names a button with a mnemonic "_Label Label".
                return find(lambda n: role_name(n) == 'push button' and
                            label(name_of(n)).split(' ')[-1] == text, limit)

            def press(n, what):
                action = n.queryAction()
                check(action.nActions > 0 and action.doAction(0), f'pressed {what}')

            def window_id():
                alive()
                ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid',
                                      str(app.pid)], capture_output=True, text=True).stdout
                return ids.split()

            ids = wait_for('the window on the X server', window_id, pump, 20)
            subprocess.run(['xdotool', 'mousemove', '--window', ids[-1], '60', '20', 'click',
                            '1'], check=True)
            subprocess.run(['xdotool', 'key', 'F10'], check=True)
            item = wait_for(f'the menu item {menu_item!r}', lambda: find_named({menu_item}),
                            pump, 15)
            press(item, menu_item)

            button = wait_for(f'the button {print_summary!r}',
                              lambda: find_button(print_summary), pump, 15)
            press(button, print_summary)

            # GTK's print dialog: "Print to File" among the printers, then "Print".
            try:
                printer = wait_for(f'the printer {to_file!r}',
                                   lambda: find_named({to_file}, 80), pump, 30)
            except Failure:
                dump(node)
                raise
            # The printers are rows of a list: select the row of "Print to File", then "Print"
            # once the dialog has read the printer's options and made it sensitive.
            row = printer
            while row is not None and role_name(row.parent) not in ('list', 'table', 'tree table'):
                row = row.parent
            check(row is not None, f'{to_file!r} is a row of the list of printers')
            row.parent.querySelection().selectChild(row.getIndexInParent())

            def sensitive_button():
                button = find_button(print_button, 80)
                if button is None:
                    return None
                states = button.getState()
                return button if states.contains(pyatspi.STATE_SENSITIVE) else None

            try:
                button = wait_for(f'the button {print_button!r} to be sensitive',
                                  sensitive_button, pump, 20)
            except Failure:
                dump(node)
                raise
            press(button, print_button)

            sizes = {}

            def printed():
                # Written in full: the same size twice in a row, and poppler reads it.
                alive()
                for path in glob.glob(os.path.join(home, '**', '*.pdf'), recursive=True):
                    size = os.path.getsize(path)
                    if size > 0 and sizes.get(path) == size and \
                            subprocess.run(['pdfinfo', path], capture_output=True).returncode == 0:
                        return path
                    sizes[path] = size
                return None

            path = wait_for('the PDF of "Print to File"', printed, pump, 40)
            log(f'printed to {path}')
            # The command line's summary of the file as it is now: on start the app may have
            # sent customers back to the public pool, which changes owners and their sums.
            subprocess.run([binary, '--db', db_path, '--report', month, '--output', headless],
                           env=env, check=True, capture_output=True)
            got, expected = pdf_text(path), pdf_text(headless)
            if got != expected:
                sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True),
                                                           got.splitlines(True),
                                                           'sales-desk --report', path, n=1))
            check(got == expected, 'the printed PDF reads as the one of sales-desk --report')
            alive()
            status = 0
        except (Failure, subprocess.CalledProcessError) as e:
            print(f'FAIL: {e}', flush=True)
        finally:
            if not e2e.stop_app(app, log_path):
                status = 1

    log('passed' if status == 0 else 'failed')
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
