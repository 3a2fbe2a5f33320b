#!/usr/bin/python3
# duplicates.py: the duplicate check on save and "Find duplicates"
#
#   duplicates.py --sales-desk BUILD/src/sales-desk --duplicates BUILD/tests/bench/duplicates
#                 [--customers 100000] [--deals 300000] [--checks 200]
#                 [--db FILE] [--work-dir DIR] [--json] [--check]
#
# Makes a database with `sales-desk --seed-demo` (or copies --db FILE, which is left alone),
# then runs the duplicates driver on it (see tests/bench/duplicates.c): --checks checks on
# save of drafts copied from random customers (with their contacts), against the same key
# look-ups as bare SQL on a second connection; and "Find duplicates" over the whole database,
# against the sqlite3 shell running the same grouping query on the same file. The public
# pool's rules are measured by pool.py.
#
# Targets of the customers issue, on 100 000 customers with 300 000 contacts: the check on
# save at most 10 ms (median), "Find duplicates" at most 5 s.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

TARGET_CHECK_MS = 10.0
TARGET_FIND_MS = 5000.0

# The query of sales_duplicates_find_all(), for the shell.
FIND_SQL = """
PRAGMA cache_size = -262144;
WITH shared (key) AS (
  SELECT key FROM customer_key GROUP BY key HAVING count(*) BETWEEN 2 AND 20)
SELECT count(*) FROM (
  SELECT a.customer_id, b.customer_id,
    max (CASE substr (s.key, 1, 2) WHEN 'p:' THEN 1 ELSE 0 END) |
    max (CASE substr (s.key, 1, 2) WHEN 'e:' THEN 2 ELSE 0 END) |
    max (CASE substr (s.key, 1, 2) WHEN 'n:' THEN 4 ELSE 0 END)
  FROM shared s
    JOIN customer_key a ON a.key = s.key
    JOIN customer_key b ON b.key = s.key AND b.customer_id > a.customer_id
  GROUP BY a.customer_id, b.customer_id);
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


def make_db(args, work_dir, env):
    path = os.path.join(work_dir, 'duplicates.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    if args.db:
        log(f'duplicates.py: copying {args.db}')
        shutil.copyfile(args.db, path)
    else:
        command = [args.sales_desk, '--db', path, '--seed-demo',
                   '--customers', str(args.customers), '--deals', str(args.deals)]
        log(f'duplicates.py: generating {args.customers} customers')
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return path


def shell_find_ms(path):
    start = time.monotonic()
    subprocess.run(['sqlite3', path], input=FIND_SQL, text=True, check=True,
                   stdout=subprocess.DEVNULL)
    return (time.monotonic() - start) * 1000.0


def rows_of(d, reference_find_ms):
    size = f'{d["customers"]} customers, {d["contacts"]} contacts'
    return [
        {
            'measurement': f'duplicates: check on save ({size}, {d["checks"]} drafts, '
                           f'{d["checks_matched"]} found themselves), median',
            'value': d['check_median_ms'], 'unit': 'ms',
            'reference': d['reference_median_ms'], 'reference_label': 'bare SQL key look-up',
            'ratio': d['check_median_ms'] / d['reference_median_ms'],
            'target': f'<= {TARGET_CHECK_MS} ms', 'met': d['check_median_ms'] <= TARGET_CHECK_MS,
        },
        {
            'measurement': 'duplicates: check on save, p95',
            'value': d['check_p95_ms'], 'unit': 'ms',
            'reference': d['reference_p95_ms'], 'reference_label': 'bare SQL key look-up',
            'ratio': d['check_p95_ms'] / d['reference_p95_ms'],
            'target': None, 'met': None,
        },
        {
            'measurement': f'duplicates: find all likely pairs ({d["pairs"]} pairs)',
            'value': d['find_ms'], 'unit': 'ms',
            'reference': reference_find_ms, 'reference_label': 'sqlite3 shell, same query',
            'ratio': d['find_ms'] / reference_find_ms,
            'target': f'<= {TARGET_FIND_MS:.0f} ms', 'met': d['find_ms'] <= TARGET_FIND_MS,
        },
    ]


def main():
    parser = argparse.ArgumentParser(description='Duplicates and the public pool, measured')
    parser.add_argument('--sales-desk', required=True)
    parser.add_argument('--duplicates', required=True)
    parser.add_argument('--customers', type=int, default=100000)
    parser.add_argument('--deals', type=int, default=300000)
    parser.add_argument('--checks', type=int, default=200)
    parser.add_argument('--db', help='a database to copy instead of generating one')
    parser.add_argument('--work-dir')
    parser.add_argument('--json', action='store_true')
    parser.add_argument('--check', action='store_true', help='exit 1 when a target is missed')
    args = parser.parse_args()

    work_dir = args.work_dir or tempfile.mkdtemp(prefix='sales-desk-bench-duplicates-')
    own_work_dir = args.work_dir is None
    os.makedirs(work_dir, exist_ok=True)
    env = dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8')
    env.pop('G_DEBUG', None)

    try:
        path = make_db(args, work_dir, env)
        reference_find_ms = shell_find_ms(path)
        out = subprocess.run([args.duplicates, '--db', path, '--json',
                              '--checks', str(args.checks)],
                             env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
        result = json.loads(out)
    finally:
        if own_work_dir:
            shutil.rmtree(work_dir, ignore_errors=True)

    rows = rows_of(result, reference_find_ms)
    if args.json:
        print(json.dumps({'rows': rows, 'duplicates': result}))
    else:
        for r in rows:
            reference = '' if r['reference'] is None else \
                f' (reference {r["reference"]:.3f} {r["unit"]}, {r["reference_label"]})'
            target = '' if not r['target'] else \
                f' target {r["target"]}: {"met" if r["met"] else "NOT met"}'
            print(f'{r["measurement"]}: {r["value"]:.3f} {r["unit"]}{reference}{target}')

    missed = any(r['met'] is False for r in rows)
    return 1 if args.check and missed else 0


if __name__ == '__main__':
    sys.exit(main())
