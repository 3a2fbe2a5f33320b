#!/usr/bin/python3
# test-duplicate-warning.py: typing a customer who exists already brings up the duplicate
# warning before anything is saved.
#
#   test-duplicate-warning.py SALES_DESK LANG     LANG: en or zh_CN
#
# The database is made with `sales-desk --seed-demo`; the test takes one of its customers.
# In the app: the Customers view (its view switcher button), New Customer, the customer's
# name again in another form, Save: in English a Latin name in upper case with "Co., Ltd."
# after it, in zh_CN a Chinese name ending in 有限公司 with 股份有限公司 instead. The dialog
# "Customer May Already Exist" (in the language of the run) must appear and list the
# customer; nothing may be written yet. Cancel closes it, still without writing; Save Anyway
# then creates the second record.
#
# Buttons are pressed through AT-SPI. A Latin name is typed with xdotool (and put in
# through AT-SPI when the keys do not arrive); a Chinese one is put into the focused field
# through AT-SPI's editable text, as an input method commits it (an X server has no keysym
# for most Han characters, so xdotool cannot type them reliably). Needs an X display and a
# session bus (build-aux/sales-desk-dev test provides both); exits 77 (skipped) without
# them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

SKIP = 77
import e2e
from e2e import (APP_NAME, Failure, app_environment, check, find_app, log, name_of, names, showing,
                  text_of, wait_for, walk, window_origin)

e2e.DEADLINE = 110   # seconds for the whole test; meson's timeout is 120


def customers(db_path):
    with sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5) as conn:
        return conn.execute('SELECT count(*) FROM customer').fetchone()[0]


LIMITED = '有限公司'
JOINT_STOCK = '股份有限公司'


def pick_customer(db_path, lang):
    """A customer to type again and the form it is typed in: in English one with a Latin
    name, so that xdotool types it in any keyboard layout, in upper case with a suffix; in
    Chinese one whose name ends in 有限公司, with 股份有限公司 instead, which the duplicate
    check takes for the same company."""
    with sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5) as conn:
        for (name,) in conn.execute('SELECT name FROM customer ORDER BY id'):
            if lang == 'en' and name.isascii() and len(name) > 3:
                return name, f'{name.upper()} Co., Ltd.'
            if (lang != 'en' and name.endswith(LIMITED) and not name.endswith(JOINT_STOCK)
                    and len(name) > len(LIMITED) + 1):
                return name, name[:-len(LIMITED)] + JOINT_STOCK
    return None, None


def walk_last_first(node, depth=0, limit=80):
    """walk(), each node's children from the last: the customer page is the last child of
    the window's leaflet, so its fields come before the views' many cells, which a busy
    machine takes long to ask about one by one."""
    if node is None or depth > limit:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in reversed(range(count)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk_last_first(child, depth + 1, limit)


def main(argv):
    if len(argv) != 3 or argv[2] not in ('en', 'zh_CN'):
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]

    checked = e2e.preflight()
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    new_button = names(lang, '_New Customer')
    save_button = names(lang, '_Save')
    cancel_button = names(lang, '_Cancel')
    save_anyway_button = names(lang, '_Save Anyway')
    name_label = text_of(lang, 'Name', 'customer')
    heading = text_of(lang, 'Customer May Already Exist')
    if lang != 'en' and heading == 'Customer May Already Exist':
        print(f'FAIL: no {lang} translation of the dialog heading (SALES_DESK_LOCALEDIR unset?)')
        return 1

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        db_path = os.path.join(tmp, 'duplicates.db')
        log_path = os.path.join(tmp, 'app.log')
        env = app_environment(lang, tmp)

        seeded = subprocess.run([binary, '--db', db_path, '--seed-demo', '--deals', '100',
                                 '--seed', '3'], env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            print(f'FAIL: --seed-demo exited with {seeded.returncode}: {seeded.stderr}')
            return 1
        existing, typed = pick_customer(db_path, lang)
        if existing is None:
            print(f'FAIL: the sample data has no customer to type again in {lang}')
            return 1
        before = customers(db_path)
        log(f'{before} customers; typing {typed!r} for {existing!r}')

        with open(log_path, 'w') as app_log:
            app = subprocess.Popen([binary, '--db', db_path], env=env, stdout=app_log,
                                   stderr=subprocess.STDOUT)
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

            node = wait_for(f'{APP_NAME!r} in the AT-SPI registry', app_found, pump, 45)

            def find(predicate, root=None, limit=80, last_first=False):
                alive()
                try:
                    (root or node).clear_cache()
                except Exception:
                    pass
                for n in (walk_last_first if last_first else walk)(root or node, limit=limit):
                    if predicate(n):
                        return n
                return None

            def named(wanted, root=None):
                return lambda: find(lambda n: name_of(n) in wanted and showing(pyatspi, n), root)

            def press(n, what):
                action = n.queryAction()
                check(action.nActions > 0 and action.doAction(0), f'pressed {what}')

            main_window = wait_for('the main window', lambda: node.getChildAtIndex(0), pump, 30)
            # The view switcher's button, as a click would.
            views = text_of(lang, 'Customers', 'view')
            switch = wait_for('the view switcher button Customers',
                              lambda: find(lambda n: name_of(n) == views and
                                           n.getRoleName() in ('toggle button', 'radio button',
                                                               'push button', 'page tab') and
                                           showing(pyatspi, n), main_window),
                              pump, 20)
            press(switch, 'Customers')

            try:
                button = wait_for('the button New Customer', named(new_button, main_window),
                                  pump, 20)
            except Failure:
                for n in walk(main_window, limit=40):
                    if 'ustomer' in name_of(n):
                        print(f'  {n.getRoleName()}: {name_of(n)!r} {showing(pyatspi, n)}')
                raise
            press(button, 'New Customer')

            entry = wait_for('the Name field',
                             lambda: find(lambda n: name_of(n) == name_label and
                                          n.getRoleName() in ('text', 'entry') and
                                          showing(pyatspi, n), main_window, last_first=True),
                             pump, 20)
            # AT-SPI cannot focus a GTK 4.8 entry: a click puts the caret in it. On a busy
            # machine the first click may come before the page takes input: try twice.
            _, wx, wy = wait_for('the window on the X server', lambda: window_origin(app.pid, 600),
                              pump, 10)

            def typed_in():
                text = entry.queryText()
                return text.getText(0, text.characterCount) == typed

            for attempt in range(2):
                box = entry.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                subprocess.run(['xdotool', 'mousemove', str(wx + box.x + box.width // 2),
                                str(wy + box.y + box.height // 2)], check=True)
                subprocess.run(['xdotool', 'click', '1'], check=True)
                time.sleep(1.0)
                subprocess.run(['xdotool', 'key', 'ctrl+a', 'BackSpace'], check=True)
                if typed.isascii():
                    subprocess.run(['xdotool', 'type', '--delay', '20', typed], check=True)
                    try:
                        wait_for(f'{typed!r} in the Name field', typed_in, pump, 10)
                        break
                    except Failure:
                        log('xdotool could not type the name; setting it through AT-SPI')
                check(entry.queryEditableText().setTextContents(typed),
                      f'put {typed!r} into the Name field through AT-SPI')
                try:
                    wait_for(f'{typed!r} in the Name field', typed_in, pump, 10)
                    break
                except Failure:
                    if attempt == 1:
                        raise
            save = wait_for('the button Save',
                            lambda: find(lambda n: name_of(n) in save_button and
                                         n.getRoleName() == 'push button' and
                                         n.getState().contains(pyatspi.STATE_SENSITIVE) and
                                         showing(pyatspi, n), main_window, last_first=True),
                            pump, 10)
            press(save, 'Save')

            def dialog():
                alive()
                # The main window is the app's first; the dialog is one of the others.
                for i in reversed(range(1, node.childCount)):
                    window = node.getChildAtIndex(i)
                    if find(lambda n: name_of(n) == heading, window, limit=20) is not None:
                        return window
                return None

            the_dialog = wait_for(f'the dialog {heading!r}', dialog, pump, 20)
            listed = find(lambda n: name_of(n) == existing, the_dialog, limit=30)
            check(listed is not None, f'the dialog lists {existing!r}')
            check(customers(db_path) == before, 'nothing was saved while the dialog asks')

            press(wait_for('the button Cancel', named(cancel_button, the_dialog), pump, 10),
                  'Cancel')
            # GTK 4.8 answers AT-SPI questions about a window being destroyed with a NULL
            # object path and crashes: ask nothing while the dialog goes.
            the_dialog = None
            time.sleep(3)
            pump()
            check(dialog() is None, 'the dialog closed')
            check(customers(db_path) == before, 'Cancel saved nothing')

            save = wait_for('the button Save again',
                            lambda: find(lambda n: name_of(n) in save_button and
                                         n.getRoleName() == 'push button' and
                                         showing(pyatspi, n), main_window, last_first=True),
                            pump, 10)
            press(save, 'Save again')
            the_dialog = wait_for(f'the dialog {heading!r} again', dialog, pump, 20)
            press(wait_for('the button Save Anyway', named(save_anyway_button, the_dialog),
                           pump, 10), 'Save Anyway')
            wait_for('the new customer in the database', lambda: customers(db_path) == before + 1,
                     pump, 20)
            log('Save Anyway created the second record')
            status = 0
        except Failure as e:
            print(f'FAIL: {e}')
        finally:
            if not e2e.stop_app(app, log_path):
                status = 1
        return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
