#!/usr/bin/python3
# test-customer-search.py: the Customers view searched as a person would, through AT-SPI.
#
#   test-customer-search.py SALES_DESK LANG     LANG: en or zh_CN
#
# The database is made with `sales-desk --seed-demo` in LANG. The test picks a customer of
# the sample data and a query from its name: two Chinese characters in the zh_CN run, a
# word of a Latin name in lower case in the English run. It starts the app, switches to
# Customers by pressing the view switcher's button through AT-SPI, focuses the entry named
# "Search customers", types the query with xdotool, and waits for the list to settle. Then:
# - the count label says as many customers as the database has matches, worked out here
#   with LIKE over names, contact names, phones, e-mails and notes;
# - the customer the query came from is among the rows shown;
# - every customer name shown is one of those matches.
#
# Needs an X display and a session bus (build-aux/sales-desk-dev test provides both); exits
# 77 (skipped) without them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

SKIP = 77
import e2e
from e2e import (APP_NAME, Failure, app_environment, check, find_app, log, name_of, wait_for,
                  window_origin, xdotool)

e2e.DEADLINE = 100   # seconds for the whole test; meson's timeout is 120


def walk(node, limit=60):
    """e2e.walk() no deeper than this test needs."""
    return e2e.walk(node, limit=limit)


def shown(pyatspi, node):
    try:
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    return box.width > 0 and box.height > 0


def connect(db_path):
    return sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5)


def is_chinese(text):
    return any('\u4e00' <= c <= '\u9fff' for c in text)


def pick_query(db_path, lang):
    """A customer and a query taken from its name."""
    with connect(db_path) as conn:
        rows = conn.execute('SELECT id, name FROM customer ORDER BY id').fetchall()
    for customer_id, name in rows:
        if lang == 'zh_CN':
            han = [c for c in name if is_chinese(c)]
            if len(han) >= 4:
                # Two characters from the middle: not only the start of a name.
                start = name.index(han[2])
                query = name[start:start + 2]
                if all(is_chinese(c) for c in query):
                    return customer_id, name, query
        else:
            words = [w for w in re.split(r'[^A-Za-z]+', name) if len(w) >= 5]
            if not is_chinese(name) and words:
                return customer_id, name, words[0].lower()
    return None


def expected_matches(db_path, query):
    """Customers whose name, contacts, phones, e-mails or notes contain @query."""
    pattern = f'%{query}%'
    with connect(db_path) as conn:
        rows = conn.execute(
            'SELECT id FROM customer WHERE name LIKE ?1 OR phone LIKE ?1 OR email LIKE ?1 '
            'OR notes LIKE ?1 '
            'UNION SELECT customer_id FROM contact WHERE name LIKE ?1 OR phone LIKE ?1 '
            'OR email LIKE ?1', (pattern,)).fetchall()
        ids = {row[0] for row in rows}
        names = {row[0] for row in conn.execute(
            f'SELECT name FROM customer WHERE id IN ({",".join(str(i) for i in ids) or "0"})')}
        all_names = {row[0] for row in conn.execute('SELECT name FROM customer')}
    return ids, names, all_names


def translate(lang, message, context=None):
    """@message as the app shows it in @lang, from the catalogue the build compiled."""
    localedir = os.environ.get('SALES_DESK_LOCALEDIR')
    if lang == 'en' or not localedir:
        return message
    import gettext
    catalogue = gettext.translation('sales-desk', localedir=localedir, languages=[lang],
                                    fallback=True)
    return catalogue.pgettext(context, message) if context else catalogue.gettext(message)


def main(argv):
    if len(argv) != 3 or argv[2] not in ('en', 'zh_CN'):
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]

    checked = e2e.preflight()
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        db_path = os.path.join(tmp, 'customers.db')
        log_path = os.path.join(tmp, 'app.log')
        env = app_environment(lang, tmp)

        seeded = subprocess.run([binary, '--db', db_path, '--seed-demo', '--deals', '600',
                                 '--seed', '5'], env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            print(f'FAIL: --seed-demo exited with {seeded.returncode}: {seeded.stderr}')
            return 1
        picked = pick_query(db_path, lang)
        if picked is None:
            print(f'FAIL: the demo database has no customer to search for in {lang}')
            return 1
        customer_id, customer_name, query = picked
        ids, names, all_names = expected_matches(db_path, query)
        log(f'searching for {query!r} (from customer {customer_id} {customer_name!r}); '
            f'{len(ids)} customers match')
        if customer_id not in ids:
            print('FAIL: the expected matches miss the customer the query came from')
            return 1

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

            # The view switcher's button for Customers: its name is the view's title.
            customers_title = translate(lang, 'Customers', 'view')
            entry_name = translate(lang, 'Search customers')

            def switcher_button():
                alive()
                for n in walk(node):
                    try:
                        role = n.getRole()
                    except Exception:
                        continue
                    # AdwViewSwitcher's buttons are page tabs.
                    if (role in (pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TOGGLE_BUTTON,
                                 pyatspi.ROLE_PUSH_BUTTON) and
                            name_of(n) == customers_title and shown(pyatspi, n)):
                        return n
                return None

            button = wait_for(f'the view switcher button {customers_title!r}', switcher_button,
                              pump, 30)
            action = button.queryAction()
            check(action.nActions > 0 and action.doAction(0),
                  f'pressed {name_of(button)!r} through AT-SPI')

            def search_entry():
                alive()
                for n in walk(node):
                    if name_of(n) == entry_name and shown(pyatspi, n):
                        return n
                return None

            entry = wait_for(f'the entry {entry_name!r}', search_entry, pump, 20)

            # A click in the entry, where the window is on the X server, gives it the focus.
            located = wait_for('the window on the X server', lambda: window_origin(app.pid),
                               pump, 10)
            _, wx, wy = located
            box = entry.queryComponent().getExtents(pyatspi.WINDOW_COORDS)

            def focused():
                pump()
                try:
                    return entry.getState().contains(pyatspi.STATE_FOCUSED)
                except Exception:
                    return False

            for _ in range(3):
                xdotool('mousemove', wx + box.x + box.width // 2, wy + box.y + box.height // 2)
                time.sleep(0.2)
                xdotool('click', 1)
                time.sleep(0.5)
                if focused():
                    break
            log('the entry has the focus' if focused() else 'the entry did not report focus')

            # The rest is looked for in the view alone, which is quicker than the whole tree
            # with the board's cards in it.
            view = entry
            for _ in range(2):
                try:
                    view = view.parent or view
                except Exception:
                    break

            # The person types; xdotool sends each character, Chinese ones by their keysym.
            xdotool('type', '--delay', '60', query)

            def typed():
                alive()
                try:
                    text = entry.queryText()
                    return text.getText(0, text.characterCount) == query
                except Exception:
                    return False

            try:
                wait_for(f'{query!r} in the search entry', typed, pump, 15)
            except Failure:
                # Some X servers have no keysym for a Chinese character; the text goes in
                # through AT-SPI's editable text then, as an input method would put it.
                log('xdotool could not type the query; setting it through AT-SPI')
                entry.queryEditableText().setTextContents(query)
                wait_for(f'{query!r} in the search entry', typed, pump, 10)
            log(f'typed {query!r}')

            def count_label():
                alive()
                for n in walk(view):
                    name = name_of(n)
                    try:
                        if n.getRole() != pyatspi.ROLE_LABEL:
                            continue
                    except Exception:
                        continue
                    number = re.fullmatch(r'([\d,]+)\D+', name)
                    if number and shown(pyatspi, n):
                        value = int(number.group(1).replace(',', ''))
                        if value == len(ids):
                            return value
                return None

            try:
                wait_for(f'the count of {len(ids)} customers', count_label, pump, 20)
            except Failure:
                labels = [name_of(n) for n in walk(view) if re.search(r'\d', name_of(n))]
                sys.stdout.write(f'Labels with numbers: {labels[:40]!r}\n')
                raise
            check(True, f'the view counts {len(ids)} customers')

            # The rows are looked for in the list alone: the board's cards, in the view
            # the stack hides, name customers too.
            list_name = translate(lang, 'Customers')

            def column_view():
                alive()
                for n in walk(view):
                    try:
                        role = n.getRole()
                    except Exception:
                        continue
                    if (name_of(n) == list_name and shown(pyatspi, n) and
                            role not in (pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LABEL)):
                        return n
                return None

            table = wait_for(f'the list {list_name!r}', column_view, pump, 20)

            def names_shown():
                alive()
                # libatspi keeps the rows it has seen; the list recycles them.
                try:
                    table.clear_cache()
                except Exception:
                    pass
                return {name_of(n) for n in walk(table)
                        if name_of(n) in all_names and shown(pyatspi, n)}

            def target_shown():
                return customer_name in names_shown()

            wait_for(f'{customer_name!r} among the rows', target_shown, pump, 20)
            visible = names_shown()
            check(customer_name in visible, f'{customer_name!r} is shown')
            strays = visible - names
            check(not strays, f'every customer shown matches {query!r} ({len(visible)} shown)'
                  + (f'; not: {sorted(strays)[:5]!r}' if strays else ''))

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
