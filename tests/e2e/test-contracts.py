#!/usr/bin/python3
# test-contracts.py: a deal won on the board goes on to its contract with a three-instalment
# plan, and a payment recorded from the Receivables list settles the first instalment.
#
#   test-contracts.py SALES_DESK LANG     LANG: en or zh_CN
#
# The database is made with `sales-desk --seed-demo` in LANG; the test takes the top card of
# the first column. The app is driven as a person would:
#
#   1. the card's context menu (a click and Shift+F10), Mark Won…; the won dialog offers
#      "Then create its contract", ticked, and Mark Won is pressed;
#   2. the contract dialog comes up with the deal's amount and the next free number; its
#      Payment Plan is set to Monthly instalments (a click on the row, Down, Return; 3 by
#      default) and Create is pressed. The database must hold the contract on the deal with three instalments,
#      a month apart from today, adding up to the amount, the last one taking the cents left;
#   3. Ctrl+3, the Follow-ups view's Receivables toggle, and Record Payment… on the
#      contract's first row (the sample contracts are deleted before the app starts, so that
#      the list holds only the new contract's instalments due within 30 days); the payment
#      dialog offers the first instalment, received today, and Record is pressed. The
#      database must hold that payment, and the list must have one row fewer for it.
#
# Buttons are pressed through AT-SPI; clicks and keys are sent with xdotool. Needs an X display and a
# session bus (build-aux/sales-desk-dev test provides both); exits 77 (skipped) without them.
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
from e2e import (APP_NAME, Failure, app_environment, check, extents, find_app, log, name_of, names,
                  showing, text_of, wait_for, walk, window_origin, xdotool)

e2e.DEADLINE = 140   # seconds for the whole test; meson's timeout is 150


def dump(pyatspi, root, out, limit=40):
    for node in walk(root, limit=limit):
        try:
            out.write(f'  {node.getRoleName()}: {node.name!r} {extents(pyatspi, node)}\n')
        except Exception:
            pass


def connect(db_path):
    return sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5)


def top_deal(db_path):
    with connect(db_path) as conn:
        return conn.execute(
            "SELECT d.id, d.title, d.customer_id, d.amount_cents, s.name "
            "FROM deal d JOIN stage s ON s.id = d.stage_id "
            "WHERE s.id = (SELECT id FROM stage WHERE kind = 'open' ORDER BY position, id "
            "              LIMIT 1) "
            "ORDER BY d.position, d.id LIMIT 1").fetchone()


def deal_state(db_path, deal_id):
    with connect(db_path) as conn:
        return conn.execute("SELECT s.kind, d.amount_cents FROM deal d "
                            "JOIN stage s ON s.id = d.stage_id WHERE d.id = ?",
                            (deal_id,)).fetchone()


def contract_of(db_path, deal_id):
    with connect(db_path) as conn:
        return conn.execute('SELECT id, number, customer_id, amount_cents, signed_on '
                            'FROM contract WHERE deal_id = ?', (deal_id,)).fetchone()


def plan_of(db_path, contract_id):
    with connect(db_path) as conn:
        return conn.execute('SELECT due_on, amount_cents FROM payment_plan '
                            'WHERE contract_id = ? ORDER BY due_on, id',
                            (contract_id,)).fetchall()


def payments_of(db_path, contract_id):
    with connect(db_path) as conn:
        return conn.execute('SELECT received_on, amount_cents FROM payment '
                            'WHERE contract_id = ? ORDER BY id', (contract_id,)).fetchall()


def add_months(day, months):
    """The same day @months later, or the last day of that month when it has none."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def dialog_origin(pid, main_wid):
    """The X window id and screen position of the newest window of @pid other than the
    main one: the dialog just opened."""
    ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid)],
                         capture_output=True, text=True).stdout.split()
    for wid in sorted((w for w in ids if w != str(main_wid)), key=int, reverse=True):
        out = subprocess.run(['xdotool', 'getwindowgeometry', wid], capture_output=True,
                             text=True).stdout
        position = re.search(r'Position:\s*(-?\d+),(-?\d+)', out)
        size = re.search(r'Geometry:\s*(\d+)x(\d+)', out)
        if position and size and int(size.group(1)) > 200:
            return wid, int(position.group(1)), int(position.group(2))
    return None


def main(argv):
    if len(argv) != 3 or argv[2] not in ('en', 'zh_CN'):
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]

    checked = e2e.preflight()
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    won_item = names(lang, 'Mark _Won…')
    won_response = names(lang, 'Mark _Won')
    contract_check = names(lang, 'Then create its _contract')
    plan_row = text_of(lang, 'Payment Plan')
    create_response = names(lang, 'C_reate')
    receivables_toggle = names(lang, '_Receivables')
    record_response = names(lang, '_Record')

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        db_path = os.path.join(tmp, 'contracts.db')
        log_path = os.path.join(tmp, 'app.log')
        env = app_environment(lang, tmp)

        seeded = subprocess.run([binary, '--db', db_path, '--seed-demo', '--deals', '200',
                                 '--seed', '5'], env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            print(f'FAIL: --seed-demo exited with {seeded.returncode}: {seeded.stderr}')
            return 1
        # Without the sample contracts the Receivables list shows the new contract's rows on
        # its first screen (a list view builds only the rows it shows). The app is not
        # running: writing to the file is allowed then.
        with sqlite3.connect(db_path) as conn:
            conn.execute('PRAGMA foreign_keys = ON')
            conn.execute('DELETE FROM contract')
        picked = top_deal(db_path)
        if picked is None:
            print('FAIL: the first stage of the demo database is empty')
            return 1
        deal_id, title, customer_id, amount, stage_name = picked
        log(f'deal {deal_id} {title!r} of customer {customer_id}, {amount} cents, in '
            f'{stage_name!r}')

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

            def refresh(root=None):
                try:
                    (root or node).clear_cache()
                except Exception:
                    pass

            def find(predicate, root=None, limit=80):
                alive()
                for n in walk(root or node, limit=limit):
                    if predicate(n):
                        return n
                return None

            def off_board(root, limit=40):
                """Accessibles below @root, leaving out the board's columns (tables of cards),
                which are most of the window and take seconds to walk over D-Bus."""
                stack = [(root, 0)]
                while stack:
                    current, depth = stack.pop()
                    alive()
                    yield current
                    if depth >= limit or role_name(current) == 'table':
                        continue
                    try:
                        count = current.childCount
                    except Exception:
                        continue
                    for i in reversed(range(count)):
                        try:
                            stack.append((current.getChildAtIndex(i), depth + 1))
                        except Exception:
                            continue

            def role_name(n):
                try:
                    return n.getRoleName()
                except Exception:
                    return ''

            def press(n, what):
                action = n.queryAction()
                check(action.nActions > 0 and action.doAction(0), f'pressed {what}')

            # Walking the whole window over D-Bus takes seconds: each search starts from the
            # part of the tree it is about.
            def leaflet():
                return find(lambda n: name_of(n) == 'AdwLeaflet', limit=8)

            def column():
                the_leaflet = leaflet()
                if the_leaflet is None:
                    return None
                return find(lambda n: role_name(n) == 'table' and name_of(n) == stage_name and
                            showing(pyatspi, n), the_leaflet.getChildAtIndex(0))

            try:
                the_column = wait_for(f'the column {stage_name!r}', column, pump, 30)
            except Failure:
                dump(pyatspi, node, sys.stdout)
                raise

            # A card's name is "title, customer, amount, stage" in the catalogue's form.
            form = text_of(lang, '%1$s, %2$s, %3$s, %4$s')
            head = form.partition('%2$s')[0].replace('%1$s', title)
            tail = form.partition('%3$s')[2].replace('%4$s', stage_name)

            def card():
                return find(lambda n: name_of(n).startswith(head) and
                            name_of(n).endswith(tail) and showing(pyatspi, n),
                            the_column, limit=4)

            the_card = wait_for(f'the card of {title!r}', card, pump, 30)
            located = wait_for('the window on the X server', lambda: window_origin(app.pid, 600),
                               pump, 10)
            main_wid, wx, wy = located

            # The dialogs are windows of their own, after the main one.
            def in_dialogs(wanted, what):
                def found():
                    refresh()
                    for i in range(1, node.childCount):
                        window = node.getChildAtIndex(i)
                        hit = find(lambda n: name_of(n) in wanted and showing(pyatspi, n),
                                   window, limit=40)
                        if hit is not None:
                            return hit
                    return None
                return wait_for(what, found, pump, 15)

            def open_card_menu():
                cx, cy, cw, ch = extents(pyatspi, the_card)
                xdotool('mousemove', wx + cx + cw // 2, wy + cy + 10)
                time.sleep(0.2)
                xdotool('click', 1)
                time.sleep(0.4)
                xdotool('key', 'shift+F10')

            def menu_item(wanted, what):
                # A click that lands while the app is busy may not focus the card: try again.
                for attempt in range(3):
                    open_card_menu()
                    try:
                        return wait_for(what, lambda: (refresh(the_card), find(
                            lambda n: name_of(n) in wanted and showing(pyatspi, n),
                            the_card))[1], pump, 8)
                    except Failure:
                        if attempt == 2:
                            raise
                        xdotool('key', 'Escape')
                        time.sleep(0.5)

            # 1. Mark Won… from the card's menu; the dialog offers the contract next.
            press(menu_item(won_item, 'the menu item Mark Won…'), 'Mark Won…')
            offer = in_dialogs(contract_check, 'the offer to create the contract')
            check(offer.getState().contains(pyatspi.STATE_CHECKED),
                  'the won dialog offers to create the contract, ticked')
            press(in_dialogs(won_response, 'the button Mark Won'), 'Mark Won')
            wait_for('the deal won in the database',
                     lambda: deal_state(db_path, deal_id)[0] == 'won', pump, 15)
            won_amount = deal_state(db_path, deal_id)[1]
            check(won_amount == amount, f'the deal was won at its amount, {amount} cents')

            # 2. The contract dialog: three monthly instalments, then Create. A combo row has
            # no AT-SPI action in GTK 4.8: it is clicked, in the dialog's own X window.
            create = in_dialogs(create_response, 'the contract dialog')
            rule = in_dialogs({plan_row}, 'the row Payment Plan')
            _, dx, dy = wait_for('the contract dialog on the X server',
                                 lambda: dialog_origin(app.pid, main_wid), pump, 10)
            rx, ry, rw, rh = extents(pyatspi, rule)
            log(f'dialog at {dx},{dy}; Payment Plan at {rx},{ry} {rw}x{rh}')
            time.sleep(0.5)
            xdotool('mousemove', dx + rx + rw // 2, dy + ry + rh // 2)
            time.sleep(0.2)
            xdotool('click', 1)
            time.sleep(1.0)
            # The list of rules opens on the one chosen, One payment; the next is Monthly.
            xdotool('key', 'Down')
            time.sleep(0.3)
            xdotool('key', 'Return')
            third_row = text_of(lang, 'Instalment %u due on').replace('%u', '3')
            in_dialogs({third_row}, 'a third instalment in the plan')
            time.sleep(0.5)
            press(create, 'Create')

            the_contract = wait_for('the contract in the database',
                                    lambda: contract_of(db_path, deal_id), pump, 15)
            contract_id, number, contract_customer, contract_amount, signed_on = the_contract
            log(f'contract {number!r}, {contract_amount} cents, signed {signed_on}')
            today = datetime.date.today()
            check(contract_customer == customer_id, 'the contract is the deal’s customer’s')
            check(contract_amount == amount, 'the contract’s amount is the deal’s')
            check(signed_on == today.isoformat(), 'it was signed today')
            plan = plan_of(db_path, contract_id)
            check(len(plan) == 3, f'its plan has three instalments: {plan}')
            third = amount // 3
            check([p[1] for p in plan] == [third, third, amount - 2 * third],
                  'split to the cent, the rest on the last one')
            check([p[0] for p in plan] == [add_months(today, i).isoformat() for i in range(3)],
                  'a month apart from today')

            # 3. The Receivables list, beside the follow-ups, and Record Payment… there.
            xdotool('mousemove', '--window', main_wid, 60, 20, 'click', 1)
            time.sleep(0.3)
            xdotool('key', 'ctrl+3')
            def toggle():
                refresh()
                for n in off_board(leaflet()):
                    if name_of(n) in receivables_toggle and showing(pyatspi, n):
                        return n
                return None

            toggle = wait_for('the toggle Receivables', toggle, pump, 30)
            press(toggle, 'Receivables')

            # GTK 4.8 gives a button its accessible label and its label's text together.
            row_name = text_of(lang, 'Record payment on %s').replace('%s', number)

            def record_buttons():
                refresh()
                return [n for n in off_board(leaflet()) if name_of(n).startswith(row_name) and
                        role_name(n) == 'push button']

            buttons = wait_for(f'the rows of {number} in the Receivables list', record_buttons,
                               pump, 20)
            rows_before = len(buttons)
            log(f'{rows_before} rows of {number} in the Receivables list')
            press(buttons[0], f'Record Payment… on {number}')
            press(in_dialogs(record_response, 'the button Record'), 'Record')

            wait_for('the payment in the database',
                     lambda: payments_of(db_path, contract_id), pump, 15)
            check(payments_of(db_path, contract_id) == [(today.isoformat(), third)],
                  'the first instalment was paid today')
            wait_for('one row fewer in the Receivables list',
                     lambda: len(record_buttons()) == rows_before - 1, pump, 15)
            log('the Receivables list has one row fewer for the contract')

            # 4. A double click on the contract's next row opens the customer's page, whose
            # Contracts section now names the second instalment as the next one.
            with connect(db_path) as conn:
                customer_name = conn.execute('SELECT name FROM customer WHERE id = ?',
                                             (customer_id,)).fetchone()[0]
            row_title = text_of(lang, '%s · %s').replace('%s', customer_name, 1) \
                .replace('%s', number, 1)

            def row_label():
                refresh()
                for n in off_board(leaflet()):
                    if name_of(n) == row_title and role_name(n) == 'label':
                        return n
                return None

            label = wait_for(f'the row {row_title!r}', row_label, pump, 15)
            lx, ly, lw, lh = extents(pyatspi, label)
            xdotool('mousemove', wx + lx + lw // 2, wy + ly + lh // 2)
            time.sleep(0.2)
            xdotool('click', '--repeat', '2', '--delay', '80', 1)

            signed = text_of(lang, 'Signed %s · paid %s / %s · %s').partition('%s')[0] + \
                today.isoformat()
            next_due = add_months(today, 1).isoformat()

            def contract_summary():
                refresh()
                for n in off_board(leaflet()):
                    if name_of(n).startswith(signed) and next_due in name_of(n):
                        return n
                return None

            summary = wait_for('the contract on the customer page, next due in a month',
                               contract_summary, pump, 20)
            log(f'the customer page says {name_of(summary)!r}')

            # 5. Record Payment… on the page itself: the page follows at once.
            def page_record_button():
                row = summary
                for _ in range(6):
                    row = row.parent
                    if row is None:
                        return None
                    hit = find(lambda n: name_of(n).startswith(row_name) and
                               role_name(n) == 'push button', row, limit=12)
                    if hit is not None:
                        return hit
                return None

            press(wait_for('Record Payment… on the customer page', page_record_button, pump, 10),
                  'Record Payment… on the customer page')
            press(in_dialogs(record_response, 'the button Record'), 'Record')
            wait_for('the second payment in the database',
                     lambda: len(payments_of(db_path, contract_id)) == 2, pump, 15)
            next_due = add_months(today, 2).isoformat()
            summary = wait_for('the customer page naming the third instalment as the next',
                               contract_summary, pump, 20)
            log(f'the customer page says {name_of(summary)!r}')

            with connect(db_path) as conn:
                check(conn.execute('PRAGMA integrity_check').fetchone()[0] == 'ok',
                      'PRAGMA integrity_check is ok')
                check(not conn.execute('PRAGMA foreign_key_check').fetchall(),
                      'PRAGMA foreign_key_check finds nothing')
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
