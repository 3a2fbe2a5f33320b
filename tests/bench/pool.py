#!/usr/bin/python3
# pool.py: applying the public pool's rules on a large database, against the sqlite3 shell
#
#   pool.py --pool BUILD/tests/bench/pool --search-query BUILD/tests/bench/search-query
#           [--customers 100000] [--contacts 3] [--deals 380000] [--db FILE]
#           [--work-dir DIR] [--json] [--check]
#
# Makes a database with `search-query --generate` (the demo generator with three contacts a
# customer on average; 380 000 deals give about a million follow-ups: the customers issue's
# data set), or copies --db FILE, which is left alone, and brings the copy to the current
# schema (`pool --upgrade`). Then, each on a fresh copy of it:
#
#   sales-desk   pool (tests/bench/pool.c) applies the default rules (30 days without a
#                follow-up, 90 without a won deal, warned 3 days before) as of now through
#                sales_store_apply_pool_rules_async(), as the window does: on a worker thread
#                with a connection of its own, timed until the store has refreshed and
#                signalled the customers that returned. The first application returns every
#                customer the sample data left unattended; the second, the same day, is what
#                the daily run costs. It also reports the longest the main loop went without
#                running (what the window would have waited) and the processor time.
#   reference    the sqlite3 shell running the same statements (SQL below, the statements of
#                src/core/sales-store-pool-rules.c with the same values written in) on the
#                same kind of connection (the pragmas of sales_db_open()) in one transaction,
#                twice, timed from starting the shell to its exit.
#   --floor      also the shell running only what any way of applying the rules must do on
#                the documented tables (the statements above without the key figures' move:
#                read what the rules count from, write the events, change the owners, commit),
#                each stage timed with .timer, to show what is left for the rest.
#
# Target of the customers issue: applying the rules at most 1 s.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

TARGET_MS = 1000.0
FOLLOWUP_DAYS, WON_DAYS, WARN_DAYS = 30, 90, 3

PRAGMAS = """
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -65536;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
"""

# sales_kpi_summary_move_owners() (src/core/sales-kpi-summary.c): the key figures' derived
# tables follow the customers listed in kpi_owner_move to their new owners, with the triggers
# off as there. The store adds the amounts up per level and owner in memory (move_sums());
# the shell, which cannot, does it with GROUP BY.
MOVE_SUMS = """
WITH g AS MATERIALIZED
  (SELECT day, old, new, sum(amount) AS a FROM temp.kpi_move_row GROUP BY day, old, new),
 d AS MATERIALIZED (SELECT day, old AS o, -a AS a FROM g UNION ALL SELECT day, new, a FROM g)
INSERT INTO {table} (lv, bucket, owner_id, {column})
SELECT column1, day >> (3 * column1) AS b, o, sum(a) FROM d, (VALUES (0), (1), (2), (3))
WHERE true GROUP BY 1, 2, 3
ON CONFLICT DO UPDATE SET {column} = {column} + excluded.{column};
"""
MOVE_OWNERS_SQL = """
CREATE TEMP TABLE IF NOT EXISTS kpi_move_contract (
  contract_id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS kpi_move_row (
  id INTEGER PRIMARY KEY, day INTEGER NOT NULL, old INTEGER NOT NULL, new INTEGER NOT NULL,
  amount INTEGER NOT NULL);
.dbconfig enable_trigger off
DELETE FROM temp.kpi_move_contract;
INSERT INTO temp.kpi_move_contract (contract_id, owner_id)
SELECT c.id, coalesce(cu.owner_id, 0) FROM kpi_owner_move m
  CROSS JOIN customer cu ON cu.id = m.customer_id
  CROSS JOIN contract c ON c.customer_id = m.customer_id;
UPDATE kpi_customer SET owner_id =
  (SELECT coalesce(cu.owner_id, 0) FROM customer cu WHERE cu.id = kpi_customer.customer_id)
WHERE customer_id IN (SELECT customer_id FROM kpi_owner_move);
DELETE FROM temp.kpi_move_row;
INSERT INTO temp.kpi_move_row (id, day, old, new, amount)
SELECT r.payment_id, r.day, r.owner_id, mc.owner_id, r.amount
  FROM temp.kpi_move_contract mc CROSS JOIN payment p ON p.contract_id = mc.contract_id
  CROSS JOIN kpi_payment r ON r.payment_id = p.id WHERE r.owner_id IS NOT mc.owner_id;
""" + MOVE_SUMS.format(table='kpi_payment_sum', column='amount') + """
UPDATE kpi_payment SET owner_id =
  (SELECT new FROM temp.kpi_move_row m WHERE m.id = kpi_payment.payment_id)
WHERE payment_id IN (SELECT id FROM temp.kpi_move_row);
UPDATE kpi_contract SET owner_id =
  (SELECT owner_id FROM temp.kpi_move_contract mc
    WHERE mc.contract_id = kpi_contract.contract_id)
WHERE contract_id IN (SELECT contract_id FROM temp.kpi_move_contract);
DELETE FROM temp.kpi_move_row;
INSERT INTO temp.kpi_move_row (id, day, old, new, amount)
SELECT r.rowid, r.day, r.owner_id, mc.owner_id, r.delta
  FROM temp.kpi_move_contract mc
  CROSS JOIN kpi_overdue_step r ON r.contract_id = mc.contract_id
WHERE r.owner_id IS NOT mc.owner_id;
""" + MOVE_SUMS.format(table='kpi_overdue_sum', column='delta') + """
UPDATE kpi_overdue_step SET owner_id =
  (SELECT new FROM temp.kpi_move_row m WHERE m.id = kpi_overdue_step.rowid)
WHERE rowid IN (SELECT id FROM temp.kpi_move_row);
DELETE FROM temp.kpi_move_row;
DELETE FROM temp.kpi_move_contract;
DELETE FROM kpi_owner_move;
.dbconfig enable_trigger on
"""

# ?1 … ?8 as in sales-store-pool-rules.c, written in by shell_script().
RULES_SQL = """
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS pool_due (
  id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL,
  f_ref INTEGER NOT NULL, w_ref INTEGER NOT NULL);
DELETE FROM temp.pool_due;
WITH owned AS MATERIALIZED (
  SELECT c.id, c.owner_id, coalesce (
    (SELECT max (e.at) FROM customer_event e
     WHERE e.customer_id = c.id AND e.at >= {SCAN_ANY}
       AND e.to_owner_id = c.owner_id
       AND (e.kind = 'assigned' OR e.kind = 'claimed')), 0) AS since
  FROM customer c WHERE c.owner_id IS NOT NULL)
INSERT INTO temp.pool_due (id, owner_id, f_ref, w_ref)
SELECT id, owner_id, since, since FROM owned;
UPDATE temp.pool_due AS p
  SET f_ref = max (p.f_ref, c.created_at), w_ref = max (p.w_ref, c.created_at)
FROM customer c WHERE c.created_at >= {SCAN_ANY} AND c.id = p.id;
UPDATE temp.pool_due AS p SET f_ref = max (p.f_ref, f.t)
FROM (SELECT a.customer_id AS id, max (a.done_at) AS t
      FROM activity a JOIN temp.pool_due o ON o.id = a.customer_id
      WHERE a.done_at >= {SCAN_FOLLOWUP} AND a.owner_id = o.owner_id
      GROUP BY +a.customer_id) AS f
WHERE p.id = f.id;
UPDATE temp.pool_due AS p SET w_ref = max (p.w_ref, w.t)
FROM (SELECT d.customer_id AS id, max (d.closed_at) AS t
      FROM deal d JOIN stage s ON s.id = d.stage_id
        JOIN temp.pool_due o ON o.id = d.customer_id
      WHERE d.closed_at >= {SCAN_WON} AND s.kind = 'won'
        AND coalesce (d.owner_id, o.owner_id) = o.owner_id
      GROUP BY +d.customer_id) AS w
WHERE p.id = w.id;
SELECT 'returned', count(*) FROM temp.pool_due
WHERE f_ref < {CUT_FOLLOWUP} OR w_ref < {CUT_WON};
INSERT INTO customer_event (customer_id, kind, from_owner_id, to_owner_id, note, at)
SELECT id, 'returned', owner_id, NULL,
  CASE WHEN f_ref < {CUT_FOLLOWUP} THEN 'No follow-up by the owner for 30 days'
       ELSE 'No deal won by the owner for 90 days' END, {NOW}
FROM temp.pool_due WHERE f_ref < {CUT_FOLLOWUP} OR w_ref < {CUT_WON} ORDER BY id;
INSERT INTO customer_event (customer_id, kind, from_owner_id, to_owner_id, note, at)
SELECT p.id, 'warned', p.owner_id, NULL,
  'Returns to the public pool within 3 days unless followed up', {NOW}
FROM temp.pool_due p
WHERE p.f_ref >= {CUT_FOLLOWUP} AND p.w_ref >= {CUT_WON} AND
  ((p.f_ref < {WARN_FOLLOWUP} AND NOT EXISTS
     (SELECT 1 FROM customer_event e
      WHERE e.customer_id = p.id AND e.at >= p.f_ref AND e.kind = 'warned'))
   OR (p.w_ref < {WARN_WON} AND NOT EXISTS
     (SELECT 1 FROM customer_event e
      WHERE e.customer_id = p.id AND e.at >= p.w_ref AND e.kind = 'warned')))
ORDER BY p.id;
SELECT 'warned', changes ();
INSERT INTO kpi_owner_move (customer_id)
SELECT id FROM temp.pool_due WHERE f_ref < {CUT_FOLLOWUP} OR w_ref < {CUT_WON};
.dbconfig enable_trigger off
UPDATE customer SET owner_id = NULL, updated_at = max (updated_at, {NOW})
WHERE id IN (SELECT customer_id FROM kpi_owner_move);
.dbconfig enable_trigger on
""" + MOVE_OWNERS_SQL.replace('{', '{{').replace('}', '}}') + """
DELETE FROM temp.pool_due;
COMMIT;
"""


# The floor: RULES_SQL up to the key figures (stage markers between its parts), then the
# owners changed straight from pool_due, with the triggers (all of them derived data) off.
FLOOR_TAIL = """
SELECT 'stage', 'owners';
.dbconfig enable_trigger off
UPDATE customer SET owner_id = NULL, updated_at = max (updated_at, {NOW})
WHERE id IN (SELECT id FROM temp.pool_due WHERE f_ref < {CUT_FOLLOWUP} OR w_ref < {CUT_WON});
.dbconfig enable_trigger on
SELECT 'stage', 'commit';
COMMIT;
"""
FLOOR_SQL = (RULES_SQL[:RULES_SQL.index('INSERT INTO kpi_owner_move')]
             .replace('CREATE TEMP TABLE', "SELECT 'stage', 'read';\nCREATE TEMP TABLE", 1)
             .replace("SELECT 'returned'", "SELECT 'stage', 'events';\nSELECT 'returned'", 1)
             + FLOOR_TAIL)


def log(message):
    print(message, file=sys.stderr, flush=True)


def day_cutoff(now, days):
    """Local midnight days - 1 days before the day of now, as sales-store-pool-rules.c."""
    day = datetime.datetime.fromtimestamp(now)
    midnight = datetime.datetime(day.year, day.month, day.day)
    return int((midnight - datetime.timedelta(days=days - 1)).timestamp())


def shell_script(now, sql=RULES_SQL):
    values = {
        'CUT_FOLLOWUP': day_cutoff(now, FOLLOWUP_DAYS),
        'CUT_WON': day_cutoff(now, WON_DAYS),
        'WARN_FOLLOWUP': day_cutoff(now, FOLLOWUP_DAYS - WARN_DAYS),
        'WARN_WON': day_cutoff(now, WON_DAYS - WARN_DAYS),
        'NOW': now,
    }
    values['SCAN_FOLLOWUP'] = values['CUT_FOLLOWUP']
    values['SCAN_WON'] = values['CUT_WON']
    values['SCAN_ANY'] = min(values['CUT_FOLLOWUP'], values['CUT_WON'])
    return '.bail on\n' + PRAGMAS + sql.format(**values)


def remove_db(path):
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def fresh_copy(base, path):
    remove_db(path)
    shutil.copyfile(base, path)
    os.sync()  # the copy's pages written back now, not during the run
    return path


def make_db(args, work_dir, env):
    path = os.path.join(work_dir, 'base.db')
    remove_db(path)
    if args.db:
        log(f'pool.py: copying {args.db}')
        shutil.copyfile(args.db, path)
        subprocess.run([args.pool, '--db', path, '--upgrade'], env=env, check=True)
    else:
        log(f'pool.py: generating {args.customers} customers, {args.deals} deals')
        subprocess.run([args.search_query, '--db', path, '--generate',
                        '--customers', str(args.customers), '--deals', str(args.deals),
                        '--contacts', str(args.contacts)],
                       env=env, check=True, stdout=subprocess.DEVNULL)
    return path


def shell_run(path, now):
    """The wall time of one application in the shell, and what it counted."""
    start = time.monotonic()
    out = subprocess.run(['sqlite3', '-list', path], input=shell_script(now), text=True,
                         check=True, stdout=subprocess.PIPE).stdout
    ms = (time.monotonic() - start) * 1000.0
    counts = dict(line.split('|') for line in out.splitlines() if '|' in line)
    return ms, int(counts.get('returned', -1)), int(counts.get('warned', -1))


def floor_run(path, now):
    """The floor's wall time from starting the shell to its exit, and each stage's."""
    start = time.monotonic()
    out = subprocess.run(['sqlite3', '-list', path], input='.timer on\n' +
                         shell_script(now, FLOOR_SQL), text=True, check=True,
                         stdout=subprocess.PIPE).stdout
    ms = (time.monotonic() - start) * 1000.0
    stages, stage = {}, None
    for line in out.splitlines():
        if line.startswith('stage|'):
            stage = line.split('|')[1]
            stages[stage] = 0.0
        elif stage and line.startswith('Run Time: real '):
            stages[stage] += float(line.split()[3]) * 1000.0
    return ms, stages


def spaced(n):
    return f'{n:,}'.replace(',', ' ')


def rows_of(d, shell):
    first_ms, first_returned, first_warned = shell['first']
    again_ms = shell['again'][0]
    same = (first_returned, first_warned) == (d['returned'], d['warned'])
    data = (f'{spaced(d["customers"])} customers ({spaced(d["owned"])} owned), '
            f'{spaced(d["followups"])} follow-ups')
    return [
        {
            'measurement': f'public pool: apply the rules the first time on a worker thread '
                           f'({spaced(d["returned"])} returned, {spaced(d["warned"])} warned; '
                           f'the shell '
                           f'{"the same" if same else f"{first_returned} and {first_warned}"}); '
                           f'{data}',
            'value': d['first_ms'], 'unit': 'ms',
            'reference': first_ms, 'reference_label': 'sqlite3 shell, same statements',
            'ratio': d['first_ms'] / first_ms,
            'target': f'<= {TARGET_MS:.0f} ms', 'met': d['first_ms'] <= TARGET_MS,
        },
        {
            'measurement': 'public pool: the first time, processor time (both threads)',
            'value': d['first_cpu_ms'], 'unit': 'ms',
            'reference': None, 'reference_label': None, 'ratio': None,
            'target': None, 'met': None,
        },
        {
            'measurement': 'public pool: apply the rules again the same day (the daily run)',
            'value': d['again_ms'], 'unit': 'ms',
            'reference': again_ms, 'reference_label': 'sqlite3 shell, same statements',
            'ratio': d['again_ms'] / again_ms,
            'target': f'<= {TARGET_MS:.0f} ms', 'met': d['again_ms'] <= TARGET_MS,
        },
        {
            'measurement': 'public pool: the daily run, processor time (both threads)',
            'value': d['again_cpu_ms'], 'unit': 'ms',
            'reference': None, 'reference_label': None, 'ratio': None,
            'target': None, 'met': None,
        },
        {
            'measurement': 'public pool: longest the main loop waited, first time and daily run',
            'value': max(d['first_stall_ms'], d['again_stall_ms']), 'unit': 'ms',
            'reference': None, 'reference_label': None, 'ratio': None,
            'target': None, 'met': None,
        },
    ]


def main():
    parser = argparse.ArgumentParser(description="The public pool's rules, measured")
    parser.add_argument('--pool', required=True)
    parser.add_argument('--search-query', help='to generate the data (not needed with --db)')
    parser.add_argument('--customers', type=int, default=100000)
    parser.add_argument('--contacts', type=int, default=3)
    parser.add_argument('--deals', type=int, default=380000)
    parser.add_argument('--db', help='a database to copy instead of generating one')
    parser.add_argument('--work-dir')
    parser.add_argument('--json', action='store_true')
    parser.add_argument('--floor', action='store_true',
                        help='also time the documented tables\' part alone in the shell')
    parser.add_argument('--check', action='store_true', help='exit 1 when a target is missed')
    args = parser.parse_args()
    if not args.db and not args.search_query:
        parser.error('--search-query is needed to generate the data')

    work_dir = args.work_dir or tempfile.mkdtemp(prefix='sales-desk-bench-pool-')
    own_work_dir = args.work_dir is None
    os.makedirs(work_dir, exist_ok=True)
    env = dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8')
    env.pop('G_DEBUG', None)

    try:
        base = make_db(args, work_dir, env)

        path = fresh_copy(base, os.path.join(work_dir, 'sales-desk.db'))
        out = subprocess.run([args.pool, '--db', path, '--worker', '--json'], env=env,
                             check=True, stdout=subprocess.PIPE, text=True).stdout
        result = json.loads(out)
        remove_db(path)

        path = fresh_copy(base, os.path.join(work_dir, 'shell.db'))
        now = int(time.time())
        shell = {'first': shell_run(path, now), 'again': shell_run(path, now)}
        remove_db(path)

        if args.floor:
            path = fresh_copy(base, os.path.join(work_dir, 'floor.db'))
            shell['floor'] = floor_run(path, now)
            remove_db(path)
    finally:
        if own_work_dir:
            shutil.rmtree(work_dir, ignore_errors=True)

    rows = rows_of(result, shell)
    if args.json:
        print(json.dumps({'rows': rows, 'pool': result, 'shell': shell}))
    else:
        for r in rows:
            reference = '' if r['reference'] is None else \
                f' (reference {r["reference"]:.1f} {r["unit"]}, {r["reference_label"]}, ' \
                f'{r["ratio"]:.2f}x)'
            target = '' if not r['target'] else \
                f' target {r["target"]}: {"met" if r["met"] else "NOT met"}'
            print(f'{r["measurement"]}: {r["value"]:.1f} {r["unit"]}{reference}{target}')
        if args.floor:
            ms, stages = shell['floor']
            parts = ', '.join(f'{k} {v:.0f} ms' for k, v in stages.items())
            print(f'public pool: floor, the sqlite3 shell writing the documented tables alone '
                  f'(no key figures), the first time: {ms:.1f} ms ({parts}; the rest is '
                  f'starting, pragmas and closing, with its checkpoint)')

    missed = any(r['met'] is False for r in rows)
    return 1 if args.check and missed else 0


if __name__ == '__main__':
    sys.exit(main())
