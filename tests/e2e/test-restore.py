#!/usr/bin/python3
# test-restore.py: a backup restored from the Preferences' Backups page, then the restore
# undone, checked in the database each time.
#
#   test-restore.py SALES_DESK LANG     LANG: en or zh_CN
#
# The database is made with `sales-desk --seed-demo`; a backup of it is written where the app
# keeps its backups (as the app names them, an hour old so that no automatic backup is due),
# and then the first customer is renamed in the file. Then, through AT-SPI:
#
#   1. Ctrl+comma opens the preferences, and the Backups page lists the backup;
#   2. its Restore… button asks, and Restore puts the backup in place: the file has the old
#      name again, and the data before the restore is kept as a new backup;
#   3. Undo on the toast of the new main window puts the renamed customer back.
#
# Needs an X display and a session bus (build-aux/sales-desk-dev test provides both); exits
# 77 (skipped) without them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

SKIP = 77
import e2e
from e2e import (APP_NAME, Failure, app_environment, check, find_app, log, name_of, names, text_of,
                  wait_for, walk, window_origin, xdotool)

e2e.DEADLINE = 110   # seconds for the whole test; meson's timeout is 130

RENAMED = 'Renamed after the backup'


def backup_dir_for(data_home, db_path):
    """sales_backup_dir_for_db() for a file other than the default one."""
    canonical = os.path.abspath(db_path)
    base = os.path.splitext(os.path.basename(canonical))[0]
    digest = hashlib.sha256(canonical.encode()).hexdigest()[:8]
    return os.path.join(data_home, 'sales-desk', 'backups', f'{base}-{digest}')


def first_customer(db_path):
    with sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5) as conn:
        return conn.execute('SELECT id, name FROM customer ORDER BY id LIMIT 1').fetchone()


def make_backup(db_path, backup_dir, when):
    os.makedirs(backup_dir, mode=0o700, exist_ok=True)
    path = os.path.join(backup_dir, time.strftime('sales-%Y%m%d-%H%M%S.db', time.localtime(when)))
    source = sqlite3.connect(db_path)
    dest = sqlite3.connect(path)
    source.backup(dest)
    dest.execute('PRAGMA journal_mode = DELETE')
    dest.close()
    source.close()
    os.chmod(path, 0o600)
    return path


def main(argv):
    if len(argv) != 3 or argv[2] not in ('en', 'zh_CN'):
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]

    checked = e2e.preflight()
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    preferences_title = text_of(lang, 'Preferences')
    backups_tab = names(lang, 'Backups')
    restore_button = names(lang, '_Restore')
    undo_button = names(lang, '_Undo')

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        db_path = os.path.join(tmp, 'restore.db')
        log_path = os.path.join(tmp, 'app.log')
        env = app_environment(lang, tmp)
        # Backup names are in local time: the same zone here as in the app.
        os.environ['TZ'] = env.get('TZ', 'UTC')
        time.tzset()

        seeded = subprocess.run([binary, '--db', db_path, '--seed-demo', '--deals', '30',
                                 '--customers', '12', '--reps', '2', '--seed', '1'],
                                env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            print(f'FAIL: --seed-demo exited with {seeded.returncode}: {seeded.stderr}')
            return 1

        customer_id, original = first_customer(db_path)
        when = int(time.time()) - 3600
        backup_dir = backup_dir_for(env['XDG_DATA_HOME'], db_path)
        backup = make_backup(db_path, backup_dir, when)
        with sqlite3.connect(db_path) as conn:
            conn.execute('UPDATE customer SET name = ? WHERE id = ?', (RENAMED, customer_id))
        check(first_customer(db_path)[1] == RENAMED, f'customer {customer_id} renamed in the file')
        button_name = text_of(lang, 'Restore the backup of %s').replace(
            '%s', time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(when)))
        log(f'the backup is {backup}; its button is {button_name!r}')

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
                refresh(root)
                for n in walk(root, limit=limit):
                    if predicate(n):
                        return n
                return None

            def press(n, what):
                action = n.queryAction()
                check(action.nActions > 0 and action.doAction(0), f'pressed {what}')

            def top_window(title):
                refresh(node)
                for i in range(node.childCount):
                    child = node.getChildAtIndex(i)
                    if name_of(child) == title:
                        return child
                return None

            # 1. Ctrl+comma, once the main window has the keyboard.
            located = wait_for('the window on the X server', lambda: window_origin(app.pid, 600),
                               pump, 20)
            preferences = None
            for attempt in range(3):
                xdotool('mousemove', '--window', located[0], 60, 20, 'click', 1)
                time.sleep(0.3)
                xdotool('key', 'ctrl+comma')
                try:
                    preferences = wait_for(f'the window {preferences_title!r}',
                                           lambda: top_window(preferences_title), pump, 10)
                    break
                except Failure:
                    if attempt == 2:
                        raise
            tab = wait_for('the Backups page', lambda: find(
                lambda n: name_of(n) in backups_tab and n.getRoleName() == 'page tab',
                preferences), pump, 10)
            press(tab, 'the Backups page')

            # 2. The backup's Restore… button (GTK 4.8 adds the label to its accessible name),
            # then Restore in the dialog that asks.
            button = wait_for(f'the button {button_name!r}',
                              lambda: find(lambda n: name_of(n).startswith(button_name) and
                                           n.getRoleName() == 'push button',
                                           top_window(preferences_title)),
                              pump, 15)
            press(button, button_name)

            def dialog_button():
                refresh(node)
                for i in range(node.childCount):
                    found = find(lambda n: name_of(n) in restore_button and
                                 n.getRoleName() == 'push button', node.getChildAtIndex(i))
                    if found is not None:
                        return found
                return None

            press(wait_for('Restore in the dialog', dialog_button, pump, 20), 'Restore')

            def named(name):
                alive()
                try:
                    return first_customer(db_path)[1] == name
                except sqlite3.Error:
                    return False

            wait_for(f'customer {customer_id} named {original!r} again', lambda: named(original),
                     pump, 20)
            check(True, 'the backup was restored into the file')
            kept = [n for n in os.listdir(backup_dir) if n.endswith('.db')]
            check(len(kept) == 2, f'the data before the restore was backed up first ({kept})')

            # 3. Undo on the toast.
            undo = wait_for('Undo on the toast', lambda: find(
                lambda n: name_of(n) in undo_button and n.getRoleName() == 'push button', node),
                pump, 15)
            press(undo, 'Undo')
            wait_for(f'customer {customer_id} named {RENAMED!r} again', lambda: named(RENAMED),
                     pump, 20)
            check(True, 'Undo put back the data from before the restore')

            with sqlite3.connect(f'file:{db_path}?mode=ro', uri=True) as conn:
                result = conn.execute('PRAGMA integrity_check').fetchone()[0]
            check(result == 'ok', f'the file passes integrity_check ({result})')
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
