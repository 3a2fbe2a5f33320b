#!/usr/bin/python3
# test-followups.py: the due notification at start-up, then Done in the Follow-ups view,
# checked in the database.
#
#   test-followups.py SALES_DESK LANG     LANG: en or zh_CN
#
# The database is made with `sales-desk --seed-demo` in LANG, which plans follow-ups around
# today, some of them already due. The app is driven as a person would:
#
#   1. shortly after start-up one notification tells of the follow-ups that are due; it
#      names the customer of the earliest one (the stand-in daemon of e2e.py logs it);
#   2. Ctrl+3 shows the Follow-ups view; Mark Done on its first row, the earliest follow-up
#      of all (nobody is the current rep, so the view shows everyone's), sets its done_at.
#
# Undo is left to the widget test (tests/gui/test-followups-view.c): under load, finding the
# toast through AT-SPI can take longer than the toast stays.
#
# Needs an X display and a session bus (build-aux/sales-desk-dev test provides both); exits
# 77 (skipped) without them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77
import e2e
from e2e import (APP_NAME, Failure, app_environment, check, find_app, log, name_of, names,
                 wait_for)
e2e.DEADLINE = 80   # seconds for the whole test; meson's timeout is 90


def connect(db_path):
    return sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5)


def earliest_planned(db_path):
    with connect(db_path) as conn:
        return conn.execute('SELECT a.id, c.name FROM activity AS a '
                            'JOIN customer AS c ON c.id = a.customer_id '
                            'WHERE a.done_at IS NULL AND a.due_at IS NOT NULL '
                            'ORDER BY a.due_at, a.id LIMIT 1').fetchone()


def done_at(db_path, activity_id):
    with connect(db_path) as conn:
        return conn.execute('SELECT done_at FROM activity WHERE id = ?',
                            (activity_id,)).fetchone()[0]


def notifications_since(offset):
    try:
        with open(e2e.NOTIFICATION_LOG, encoding='utf-8') as f:
            f.seek(offset)
            return [json.loads(line) for line in f.read().splitlines() if line.strip()]
    except FileNotFoundError:
        return []


def main(argv):
    if len(argv) != 3 or argv[2] not in ('en', 'zh_CN'):
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]

    checked = e2e.preflight()
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    done_names = names(lang, 'Mark Done')
    list_names = names(lang, 'Planned Follow-ups')

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        db_path = os.path.join(tmp, 'followups.db')
        log_path = os.path.join(tmp, 'app.log')
        env = app_environment(lang, tmp)

        seeded = subprocess.run([binary, '--db', db_path, '--seed-demo', '--seed', '1'],
                                env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            print(f'FAIL: --seed-demo exited with {seeded.returncode}: {seeded.stderr}')
            return 1
        first = earliest_planned(db_path)
        if first is None or first[0] is None:
            print('FAIL: the sample data plans no follow-up')
            return 1
        activity_id, customer_name = first
        log(f'earliest planned follow-up {activity_id} with {customer_name!r}')

        offset = 0
        if os.path.exists(e2e.NOTIFICATION_LOG):
            offset = os.path.getsize(e2e.NOTIFICATION_LOG)
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

            # 1. The notification.
            # Other tests' apps, on this bus or on another test run's, may write to the same
            # log meanwhile, and name the same customer (they seed the same sample data): ours
            # come from our app's process.
            def notified():
                alive()
                return [n for n in notifications_since(offset)
                        if n.get('pid') == app.pid and customer_name in n['summary'] + n['body']]

            sent = wait_for(f'a notification of the follow-ups due, naming {customer_name!r}',
                            notified, pump, 20)
            check(len(sent) == 1, f'one notification at start-up: {sent[0]}')

            # 2. The Follow-ups view (Ctrl+3, once the window has the keyboard: a click on
            # the empty start of its header bar), and Mark Done on its first row.
            ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app.pid)],
                                 capture_output=True, text=True).stdout.split()
            check(len(ids) > 0, 'the window is on the X server')
            subprocess.run(['xdotool', 'mousemove', '--window', ids[-1], '60', '20', 'click',
                            '1'], check=True)
            subprocess.run(['xdotool', 'key', 'ctrl+3'], check=True)

            # One walk of the whole window can outlast a wait on a loaded machine: the list
            # is found once, then only its rows on screen are looked at.
            def planned_list():
                alive()
                try:
                    node.clear_cache()
                except Exception:
                    pass
                for n in e2e.walk_showing(pyatspi, node):
                    if n.getRole() == pyatspi.ROLE_LIST and name_of(n) in list_names:
                        return n
                return None

            followups = wait_for('the list of planned follow-ups', planned_list, pump, 30)

            def first_done_button():
                alive()
                try:
                    followups.clear_cache()
                except Exception:
                    pass
                buttons = []
                for n in e2e.walk_showing(pyatspi, followups):
                    try:
                        if n.name in done_names:
                            box = n.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                            if box.width > 0 and box.height > 0:
                                buttons.append((box.y, n))
                    except Exception:
                        continue
                return min(buttons, key=lambda b: b[0])[1] if buttons else None

            button = wait_for('a Mark Done button in the Follow-ups view', first_done_button,
                              pump, 20)
            action = button.queryAction()
            check(action.nActions > 0 and action.doAction(0), 'pressed Mark Done')
            wait_for(f'follow-up {activity_id} done in the database',
                     lambda: done_at(db_path, activity_id) is not None, pump, 10)

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
