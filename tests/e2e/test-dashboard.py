#!/usr/bin/python3
# test-dashboard.py: open the Dashboard and read its tiles through AT-SPI, checked against the
# command line's key figures of the same month.
#
#   test-dashboard.py SALES_DESK LANG     LANG: en or zh_CN
#
# The database is made with `sales-desk --seed-demo --seed 1`, which has won and lost deals in
# the current month. `sales-desk --kpi YYYY-MM --json` gives the month's figures, one
# definition for both. The app is driven as a person would: Ctrl+4 shows the Dashboard; its
# tiles (groups named after their figure, under "Key Figures") must then read, once the worker
# has computed them:
#
#   Won             the month's won_amount as the app writes money: "¥1,234,567.80"
#   Win Rate        win_rate as a whole percentage, "67%" (a dash when it is null)
#   New Customers   new_customers
#
# and each tile's accessible description starts with that value.
#
# Needs an X display and a session bus (build-aux/sales-desk-dev test provides both); exits
# 77 (skipped) without them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import tempfile
import time

SKIP = 77
import e2e
from e2e import (APP_NAME, Failure, app_environment, catalogue, check, find_app, log, name_of,
                  wait_for, walk)
e2e.DEADLINE = 110   # seconds for the whole test; meson's timeout is 120


def money(cents):
    """As sales_money_format (…, "CNY"): grouped by thousands, decimals only when not zero."""
    sign = '-' if cents < 0 else ''
    units, fraction = divmod(abs(cents), 100)
    text = f'{units:,}'
    if fraction:
        text += f'.{fraction:02d}'
    return f'{sign}¥{text}'


def percent(rate):
    if rate is None:
        return '—'
    if abs(rate) < 0.1:
        return f'{rate * 100:.1f}%'
    return f'{rate * 100:.0f}%'


def count(n, lang):
    # The app groups digits as the locale does; C.UTF-8 does not group.
    if lang != 'en' and n >= 1000:
        return f'{n:,}'
    return str(n)


def main(argv):
    if len(argv) != 3 or argv[2] not in ('en', 'zh_CN'):
        sys.exit(f'usage: {argv[0]} SALES_DESK en|zh_CN')
    binary, lang = argv[1], argv[2]

    checked = e2e.preflight()
    if checked is None:
        return SKIP
    pyatspi, pump = checked

    _ = catalogue(lang).gettext
    key_figures = _('Key Figures')
    titles = {'won': _('Won'), 'win_rate': _('Win Rate'), 'new_customers': _('New Customers')}

    with tempfile.TemporaryDirectory(prefix='sales-desk-e2e-') as tmp:
        db_path = os.path.join(tmp, 'dashboard.db')
        log_path = os.path.join(tmp, 'app.log')
        env = app_environment(lang, tmp)

        seeded = subprocess.run([binary, '--db', db_path, '--seed-demo', '--seed', '1'],
                                env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            print(f'FAIL: --seed-demo exited with {seeded.returncode}: {seeded.stderr}')
            return 1
        month = time.strftime('%Y-%m')
        kpi = subprocess.run([binary, '--db', db_path, '--kpi', month, '--json'], env=env,
                             capture_output=True, text=True)
        if kpi.returncode != 0:
            print(f'FAIL: --kpi exited with {kpi.returncode}: {kpi.stderr}')
            return 1
        figures = json.loads(kpi.stdout)
        expected = {
            'won': money(figures['won_amount']),
            'win_rate': percent(figures['win_rate']),
            'new_customers': count(figures['new_customers'], lang),
        }
        log(f'{month}: expecting {expected}')

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

            # Ctrl+4, once the window has the keyboard: a click on its header bar's empty start.
            def window_id():
                alive()
                ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid',
                                      str(app.pid)], capture_output=True, text=True).stdout
                return ids.split()

            ids = wait_for('the window on the X server', window_id, pump, 20)
            subprocess.run(['xdotool', 'mousemove', '--window', ids[-1], '60', '20', 'click',
                            '1'], check=True)
            subprocess.run(['xdotool', 'key', 'ctrl+4'], check=True)

            def tiles():
                alive()
                try:
                    node.clear_cache()
                except Exception:
                    pass
                for group in walk(node):
                    if name_of(group) != key_figures:
                        continue
                    found = {}
                    for tile in walk(group):
                        for key, title in titles.items():
                            # The tile comes before its own title label, of the same name.
                            if name_of(tile) == title and key not in found:
                                labels = [name_of(c) for c in walk(tile) if c is not tile]
                                found[key] = (labels, tile.description or '')
                    return found if len(found) == len(titles) else None
                return None

            def tiles_read():
                found = tiles()
                if not found:
                    return None
                # Until the worker's figures arrive, the values are dashes.
                if any(expected[k] not in labels for k, (labels, _d) in found.items()):
                    return None
                return found

            try:
                found = wait_for('the tiles showing the figures of --kpi', tiles_read, pump, 60)
            except Failure:
                log(f'the tiles read: {tiles()}')
                raise
            for key, (labels, description) in found.items():
                check(expected[key] in labels,
                      f'the {titles[key]!r} tile reads {expected[key]!r} ({labels})')
                check(description.startswith(expected[key]),
                      f'its description starts with it: {description!r}')

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
