#!/usr/bin/python3
# test-targets.py: a target typed into the Sales Targets window, checked in the database.
#
#   test-targets.py SALES_DESK LANG     LANG: en or zh_CN
#
# The database is made with `sales-desk --seed-demo` in LANG (three reps, with sample targets).
# The app is driven
# as a person would with the keyboard:
#
#   1. F10 opens the main menu, and its item Sales Targets… (pressed through AT-SPI) opens
#      the targets window, on the whole team's January of this year;
#   2. Down and Right Right go to the first rep's March, typing 12345 starts editing it and
#      Return writes it: the database has 1 234 500 cents for that rep and month, and the
#      cell's accessible name says 12,345;
#   3. Ctrl+Z puts back the value the sample data had there.
#
# Needs an X display and a session bus (build-aux/sales-desk-dev test provides both); exits
# 77 (skipped) without them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

SKIP = 77
import e2e
from e2e import (APP_NAME, Failure, app_environment, check, find_app, log, name_of, names, text_of,
                  wait_for, walk, window_origin, xdotool)

e2e.DEADLINE = 100   # seconds for the whole test; meson's timeout is 120


def month_title(lang, year, month):
    """The month as the grid names it: the catalogue's g_date_time_format() form."""
    form = text_of(lang, '%B %Y', 'month and year')
    english = datetime.date(year, month, 1).strftime('%B')
    return (form.replace('%B', english).replace('%Y', str(year))
            .replace('%-m', str(month)).replace('%m', f'{month:02d}'))


def connect(db_path):
    return sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5)


def first_rep(db_path):
    with connect(db_path) as conn:
        return conn.execute('SELECT id, name FROM rep WHERE active ORDER BY name, id '
                            'LIMIT 1').fetchone()


def target(db_path, rep_id, month):
    with connect(db_path) as conn:
        row = conn.execute('SELECT amount_cents FROM target WHERE owner_id = ? AND month = ?',
                           (rep_id, month)).fetchone()
    return row[0] if row else None


def main(argv):
    if len(argv) != 3 or argv[2] not in ('en', 'zh_CN'):
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]

    checked = e2e.preflight()
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    menu_item = names(lang, 'Sales _Targets…')
    window_title = text_of(lang, 'Sales Targets')
    # The grid opens on this year (local time, as the app judges months).
    year = datetime.date.today().year
    month = f'{year}-03'

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        db_path = os.path.join(tmp, 'targets.db')
        log_path = os.path.join(tmp, 'app.log')
        env = app_environment(lang, tmp)

        seeded = subprocess.run([binary, '--db', db_path, '--seed-demo', '--deals', '100',
                                 '--customers', '40', '--reps', '3', '--seed', '1'],
                                env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            print(f'FAIL: --seed-demo exited with {seeded.returncode}: {seeded.stderr}')
            return 1
        rep_id, rep_name = first_rep(db_path)
        before = target(db_path, rep_id, month)
        check(before != 1234500, f'{rep_name}\'s target for {month} is {before}, not 1 234 500')
        cell_name = text_of(lang, '%s, %s: %s', 'targets grid cell')
        march = month_title(lang, year, 3)
        # "%s, %s: %s" in the catalogue's form, with the owner and the month filled in.
        head = cell_name.replace('%s', rep_name, 1).replace('%s', march, 1)
        head = head.rpartition('%s')[0]
        log(f'the cell is named {head!r}…')

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

            node = wait_for(f'{APP_NAME!r} in the AT-SPI registry', app_found, pump, 30)

            def refresh(root):
                try:
                    root.clear_cache()
                except Exception:
                    pass

            def find(predicate, root, limit=60):
                alive()
                for n in walk(root, limit=limit):
                    if predicate(n):
                        return n
                return None

            def press(n, what):
                action = n.queryAction()
                check(action.nActions > 0 and action.doAction(0), f'pressed {what}')

            # 1. The main menu (F10, once the window has the keyboard: a click on the empty
            # start of its header bar), Sales Targets…
            located = wait_for('the window on the X server', lambda: window_origin(app.pid, 600),
                               pump, 20)
            wid = located[0]

            def item():
                refresh(node)
                return find(lambda n: name_of(n) in menu_item, node)

            found = None
            for attempt in range(3):
                xdotool('mousemove', '--window', wid, 60, 20, 'click', 1)
                time.sleep(0.3)
                xdotool('key', 'F10')
                try:
                    found = wait_for('the menu item Sales Targets…', item, pump, 10)
                    break
                except Failure:
                    if attempt == 2:
                        raise
                    xdotool('key', 'Escape')
            press(found, 'Sales Targets…')

            def targets_window():
                refresh(node)
                for i in range(node.childCount):
                    child = node.getChildAtIndex(i)
                    if name_of(child) == window_title:
                        return child
                return None

            the_window = wait_for(f'the window {window_title!r}', targets_window, pump, 15)

            def cell():
                refresh(the_window)
                return find(lambda n: name_of(n).startswith(head), the_window)

            wait_for(f'the cell {head!r}', cell, pump, 15)

            # The keyboard goes where the pointer is on a bare X server: onto the targets
            # window, over its hint line, which takes no focus.
            ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name',
                                  f'^{re.escape(window_title)}$'],
                                 capture_output=True, text=True).stdout.split()
            check(len(ids) > 0, 'the targets window is on the X server')
            xdotool('mousemove', '--window', ids[-1], 300, 62)
            time.sleep(0.3)

            # 2. Down, Right, Right: the first rep's March. Typing starts editing it.
            for key in ('Down', 'Right', 'Right'):
                xdotool('key', key)
                time.sleep(0.1)
            xdotool('type', '--delay', '40', '12345')
            xdotool('key', 'Return')

            def written():
                alive()
                return target(db_path, rep_id, month) == 1234500

            wait_for(f'1 234 500 cents for {rep_name} in {month}', written, pump, 15)
            check(True, f'{rep_name}\'s target for {month} is in the database')

            def cell_says():
                c = cell()
                return c is not None and '12,345' in name_of(c)

            wait_for('the cell to say 12,345', cell_says, pump, 10)
            log(f'the cell is named {name_of(cell())!r}')

            # 3. Ctrl+Z takes it back.
            xdotool('key', 'ctrl+z')
            wait_for(f'the target back at {before}',
                     lambda: target(db_path, rep_id, month) == before, pump, 10)
            check(True, 'Undo took the target back')

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
