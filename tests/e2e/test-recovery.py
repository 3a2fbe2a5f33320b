#!/usr/bin/python3
# test-recovery.py: five kinds of bad file, each opened by the app: it shows the recovery
# window every time (found through AT-SPI), and the file is byte-for-byte as it was.
#
#   test-recovery.py SALES_DESK LANG     LANG: en or zh_CN
#
# A real database is made with `sales-desk --seed-demo`; each case starts from a copy of it:
#
#   flipped     bytes flipped in the headers of the b-tree pages after the first
#   truncated   the second half of the file cut off
#   empty       a file of no bytes
#   text        a CSV export named .db
#   future      the real database with a user_version from a newer Sales Desk
#
# For each, the app is started on the file, the window offers "Open Another File…" (the
# recovery window's button), Quit is pressed, and the file's SHA-256 is compared with the
# one taken before the app started.
#
# Needs an X display and a session bus (build-aux/sales-desk-dev test provides both); exits
# 77 (skipped) without them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77
import e2e
from e2e import (Failure, app_environment, catalogue, check, find_app, log, name_of,
                  wait_for, walk)
e2e.DEADLINE = 170   # seconds for the whole test; meson's timeout is 190

PAGE = 4096


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def flip(good, path):
    """Every b-tree page after the first gets its header's bytes inverted, as a disk that
    wrote garbage would leave it."""
    shutil.copyfile(good, path)
    size = os.path.getsize(path)
    with open(path, 'r+b') as f:
        for page in range(1, size // PAGE):
            f.seek(page * PAGE)
            header = f.read(8)
            f.seek(page * PAGE)
            f.write(bytes(b ^ 0xff for b in header))


def truncate(good, path):
    shutil.copyfile(good, path)
    with open(path, 'r+b') as f:
        f.truncate(os.path.getsize(path) // 2 // PAGE * PAGE)


def empty(good, path):
    open(path, 'wb').close()


def text(good, path):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('name,phone,email\n华为技术,+86 755 2878 0808,info@example.com\n'
                'Acme,+1 555 0100,sales@example.com\n')


def future(good, path):
    shutil.copyfile(good, path)
    # Closed, not only committed, so that the change is in the file (not its -wal) before
    # the file's digest is taken.
    conn = sqlite3.connect(path)
    conn.execute('PRAGMA user_version = 99')
    conn.commit()
    conn.close()


CASES = [('flipped', flip), ('truncated', truncate), ('empty', empty), ('text', text),
         ('future', future)]


def main(argv):
    if len(argv) != 3 or argv[2] not in ('en', 'zh_CN'):
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]

    checked = e2e.preflight(())
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    c = catalogue(lang)
    open_other = c.gettext('Open Another File…')
    quit_label = c.gettext('Quit')
    status = 0

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        env = app_environment(lang, tmp)
        good = os.path.join(tmp, 'good.db')
        seeded = subprocess.run([binary, '--db', good, '--seed-demo', '--deals', '60',
                                 '--customers', '20', '--reps', '2', '--seed', '3'],
                                env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            print(f'FAIL: --seed-demo exited with {seeded.returncode}: {seeded.stderr}')
            return 1
        check(not os.path.exists(good + '-wal'), 'the sample database is one file')

        for name, make in CASES:
            path = os.path.join(tmp, f'{name}.db')
            make(good, path)
            check(not os.path.exists(path + '-wal'), f'{name}: the file is one file')
            before = sha256(path)
            log_path = os.path.join(tmp, f'{name}.log')
            with open(log_path, 'w') as app_log:
                app = subprocess.Popen([binary, '--db', path], env=env, stdout=app_log,
                                       stderr=subprocess.STDOUT)
            log(f'{name}: started the app on {path} (pid {app.pid})')
            try:
                desktop = pyatspi.Registry.getDesktop(0)

                def alive():
                    if app.poll() is not None:
                        raise Failure(f'the app exited early with status {app.returncode}')

                def button(label):
                    alive()
                    node = find_app(desktop)
                    if node is None:
                        return None
                    try:
                        node.clear_cache()
                    except Exception:
                        pass
                    for n in walk(node):
                        if n.getRoleName() == 'push button' and name_of(n).startswith(label):
                            return n
                    return None

                wait_for(f'{name}: the recovery window', lambda: button(open_other), pump, 30)
                check(True, f'{name}: the recovery window is shown')
                quit_button = wait_for(f'{name}: Quit', lambda: button(quit_label), pump, 10)
                quit_button.queryAction().doAction(0)
                app.wait(10)
                after = sha256(path)
                check(after == before, f'{name}: the file is unchanged ({after[:12]}…)')
            except (Failure, subprocess.TimeoutExpired) as e:
                print(f'FAIL: {e}', flush=True)
                status = 1
            finally:
                if not e2e.stop_app(app, log_path, name):
                    status = 1

    log('passed' if status == 0 else 'failed')
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
