#!/usr/bin/python3
# first-run.py: the built app on an empty database, driven through AT-SPI as a person or a
# screen reader would: find "Load sample data" on the first-run page, press it, and check the
# database afterwards.
#
#   first-run.py SALES_DESK LANG     LANG: en or zh_CN
#
# Needs an X display and a session bus (build-aux/sales-desk-dev test provides both); exits
# 77 (skipped) without them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77
import e2e
from e2e import APP_NAME, Failure, app_environment, check, find_app, log, wait_for

e2e.DEADLINE = 50   # seconds for the whole test; meson's timeout is 60

# What a person reads in each language. The Chinese strings are the catalogue's; they must
# reach the screen through gettext, so finding them proves the translation is used.
EXPECTED = {
    'en': {
        'load_button': 'Load sample data',
        'pipeline': 'Pipeline',
        'first_stage': 'Lead',
        'won_stage': 'Won',
    },
    'zh_CN': {
        'load_button': '加载示例数据',
        'pipeline': '销售漏斗',
        'first_stage': '线索',
        'won_stage': '赢单',
    },
}

def walk(node, limit=60):
    """e2e.walk() no deeper than this test needs."""
    return e2e.walk(node, limit=limit)


def text_of(node):
    try:
        name = node.name or ''
    except Exception:
        name = ''
    try:
        text = node.queryText()
        body = text.getText(0, text.characterCount)
    except Exception:
        body = ''
    return name, body


def find_named(app, wanted, roles=None):
    for node in walk(app):
        try:
            if roles is not None and node.getRole() not in roles:
                continue
        except Exception:
            continue
        name, body = text_of(node)
        if name == wanted or body == wanted:
            return node
    return None


def is_visible(pyatspi, node):
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def is_laid_out(pyatspi, node):
    """True when @node has a size on screen. GTK 4.8 reports VISIBLE but not SHOWING for
    child widgets, and keeps a hidden stack page in the tree, so a widget that has never been
    on screen is told by its empty extents."""
    try:
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    return box.width > 0 and box.height > 0


def ancestors(node):
    chain = []
    while node is not None:
        chain.append(node)
        try:
            node = node.parent
        except Exception:
            break
    return chain


def other_pages(node):
    """The sibling pages of the outermost GtkStack page that holds @node."""
    chain = ancestors(node)
    found = []
    for child, parent in zip(chain, chain[1:]):
        try:
            pages = [parent.getChildAtIndex(i) for i in range(parent.childCount)]
            if len(pages) >= 2 and all(p.name == 'GtkStackPage' for p in pages):
                found = [p for p in pages if p != child]
        except Exception:
            continue
    return found


def dump(app, out, limit=12):
    for node in walk(app, limit=limit):
        try:
            out.write(f'  {node.getRoleName()}: {node.name!r}\n')
        except Exception:
            pass


def count(db_path, table):
    with sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5) as conn:
        return conn.execute(f'SELECT count(*) FROM {table}').fetchone()[0]


def check_database(db_path, expected):
    with sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5) as conn:
        deals = conn.execute('SELECT count(*) FROM deal').fetchone()[0]
        customers = conn.execute('SELECT count(*) FROM customer').fetchone()[0]
        stages = conn.execute('SELECT name, kind FROM stage ORDER BY position').fetchall()
        integrity = conn.execute('PRAGMA integrity_check').fetchone()[0]
        orphans = conn.execute('PRAGMA foreign_key_check').fetchall()
        journal = conn.execute('PRAGMA journal_mode').fetchone()[0]
    check(deals > 0, f'the database has deals ({deals})')
    check(customers > 0, f'the database has customers ({customers})')
    check(len(stages) == 7, f'the pipeline has 7 stages ({len(stages)})')
    check([k for _, k in stages] == ['open'] * 5 + ['won', 'lost'],
          'five open stages, then won, then lost')
    check(stages[0][0] == expected['first_stage'],
          f'the first stage is named {expected["first_stage"]!r} ({stages[0][0]!r})')
    check(stages[5][0] == expected['won_stage'],
          f'the won stage is named {expected["won_stage"]!r} ({stages[5][0]!r})')
    check(integrity == 'ok', 'PRAGMA integrity_check is ok')
    check(not orphans, 'PRAGMA foreign_key_check finds nothing')
    check(journal == 'wal', f'the database is in WAL mode ({journal})')


def main(argv):
    if len(argv) != 3 or argv[2] not in EXPECTED:
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]
    expected = EXPECTED[lang]

    checked = e2e.preflight(())
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        db_path = os.path.join(tmp, 'e2e.db')
        log_path = os.path.join(tmp, 'app.log')
        env = app_environment(lang, tmp)
        with open(log_path, 'w') as app_log:
            # Same process group as this script, so that meson's timeout ends both.
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

            node = wait_for(f'the application {APP_NAME!r} in the AT-SPI registry',
                            app_found, pump, 20)
            log(f'found {APP_NAME!r} in the registry')

            buttons = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)

            def button_found():
                alive()
                return find_named(node, expected['load_button'], buttons)

            try:
                button = wait_for(f'the button {expected["load_button"]!r}', button_found,
                                  pump, 15)
            except Failure:
                sys.stdout.write('The accessible tree:\n')
                dump(node, sys.stdout)
                raise
            log(f'the first-run page offers {expected["load_button"]!r}')
            check(count(db_path, 'deal') == 0, 'the database starts without deals')

            # The welcome page is a GtkStack page; it is gone when another page of that stack
            # has been laid out (or the button left the tree).
            pages = other_pages(button)
            check(pages, 'the first-run page is a page of a stack')
            check(not any(is_laid_out(pyatspi, n) for page in pages for n in walk(page)),
                  'no other page of that stack has been shown yet')

            action = button.queryAction()
            check(action.nActions > 0 and action.doAction(0),
                  f'pressed {expected["load_button"]!r} through AT-SPI')

            wait_for('deals in the database', lambda: (alive(), count(db_path, 'deal') > 0)[1],
                     pump, 20)
            log('the database has deals')

            def first_run_gone():
                alive()
                found = find_named(node, expected['load_button'], buttons)
                if found is None or not is_visible(pyatspi, found):
                    return True
                return any(is_laid_out(pyatspi, n) for page in pages for n in walk(page))

            wait_for('the first-run page to go away', first_run_gone, pump, 10)
            log('the first-run page is gone')

            def pipeline_shown():
                alive()
                return any(is_laid_out(pyatspi, n) for n in walk(node)
                           if expected['pipeline'] in text_of(n))

            try:
                wait_for(f'the view title {expected["pipeline"]!r} on screen', pipeline_shown,
                         pump, 10)
            except Failure:
                sys.stdout.write('The accessible tree:\n')
                dump(node, sys.stdout)
                raise
            log(f'the Pipeline view is shown as {expected["pipeline"]!r}')
            alive()
            status = 0
        except Failure as e:
            print(f'FAIL: {e}', flush=True)
        finally:
            e2e.stop_app(app, log_path, warnings_fail=False)

        if status == 0:
            try:
                check_database(db_path, expected)
            except Failure as e:
                print(f'FAIL: {e}', flush=True)
                status = 1
    log('passed' if status == 0 else 'failed')
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
