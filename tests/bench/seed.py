#!/usr/bin/python3
# seed.py: sample data generation (--seed-demo) against a plain sqlite3 shell bulk insert
#
#   seed.py --sales-desk BUILD/src/sales-desk [--deals 1000000] [--customers N] [--runs 1]
#           [--work-dir DIR] [--json]
#
# Measured in the same run, on the same schema:
#
#   sales-desk   `sales-desk --db NEW --seed-demo --deals N`: the whole process, from exec to
#                exit, writing deals with their customers, contacts, stage history,
#                follow-ups, contracts, instalments, payments and targets.
#   reference    the sqlite3 shell inserting N deals and the N / 5 customers they reference
#                into an empty database with the schema that sales-desk created (dumped with
#                `sqlite3 DB .schema`, so every index and CHECK is there), with two recursive
#                CTEs in one transaction; the shell's own settings but for the page cache,
#                which gets the 256 MB that sales-desk gives itself at most (the shell's
#                2 MB default made the reference three times slower).
#
# Both are compared in rows per second (sales-desk writes about nine rows per deal, the
# reference one row per deal plus its customers). The target of the foundation issue is a
# ratio of at least 0.5, and a million deals in well under a minute (here: under 60 s).
# Each side is run --runs times, alternating, and the fastest run counts.
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

TARGET_RATIO = 0.5
TARGET_SECONDS = 60.0
TABLES = ('stage', 'rep', 'customer', 'contact', 'deal', 'deal_stage_history', 'lost_reason',
          'activity', 'target', 'contract', 'payment_plan', 'payment')

# Rows shaped like the real ones: bilingual text of similar length, customers scattered over
# the deals, every stage and its closed_at/lost_reason rules.
REFERENCE_INSERT = """
PRAGMA cache_size = -262144;
INSERT INTO stage (id, name, position, probability, kind, rot_days) VALUES
  (1, 'Lead', 0, 10, 'open', 30), (2, 'Initial contact', 1, 20, 'open', 21),
  (3, 'Needs confirmed', 2, 40, 'open', 21), (4, 'Proposal / quote', 3, 60, 'open', 14),
  (5, 'Negotiation', 4, 80, 'open', 14), (6, 'Won', 5, 100, 'won', NULL),
  (7, 'Lost', 6, 0, 'lost', NULL);
INSERT INTO lost_reason (id, name) VALUES (1, 'Price too high'), (2, 'No budget');
INSERT INTO rep (id, name, email)
  SELECT value, 'Rep ' || value, 'rep' || value || '@example.com' FROM generate_series(1, 8);
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {customers})
INSERT INTO customer (id, name, industry, tier, source, owner_id, phone, email, address,
                      created_at, updated_at)
SELECT i, printf('深圳市腾达%d电子有限公司', i), 'Manufacturing', char(65 + i % 3), 'website',
       CASE WHEN i % 10 = 0 THEN NULL ELSE 1 + i % 8 END, printf('0755-%08d', i),
       printf('info@tengda%d.com.cn', i), printf('广东省深圳市南山区科技园路%d号', i),
       1700000000 + i * 300, 1700000000 + i * 300 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {deals})
INSERT INTO deal (id, title, customer_id, owner_id, stage_id, amount_cents, currency,
                  expected_close, position, created_at, stage_changed_at, closed_at,
                  lost_reason_id)
SELECT i, printf('腾达电子%d - 服务器扩容（二期）', i), 1 + (i * 7919) % {customers},
       1 + i % 8, 1 + i % 7, 100000 * (50 + (i * 37) % 9950), 'CNY',
       date(1700000000 + i * 40, 'unixepoch', '+30 days'), (i - 1) / 7,
       1700000000 + i * 40, 1700000000 + i * 40 + 86400,
       CASE WHEN i % 7 >= 5 THEN 1700000000 + i * 40 + 86400 END,
       CASE WHEN i % 7 = 6 THEN 1 + i % 2 END FROM n;
COMMIT;
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


def count_rows(db):
    sql = ' + '.join(f'(SELECT count(*) FROM {t})' for t in TABLES)
    out = subprocess.run(['sqlite3', db, f'SELECT {sql}'], check=True, capture_output=True,
                         text=True).stdout
    return int(out.strip())


def remove_db(path):
    for suffix in ('', '-wal', '-shm', '-journal'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def app_schema(sales_desk, work_dir, env):
    """The schema exactly as sales-desk creates it."""
    path = os.path.join(work_dir, 'schema.db')
    subprocess.run([sales_desk, '--db', path, '--seed-demo', '--deals', '1'], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    schema = subprocess.run(['sqlite3', path, '.schema'], check=True, capture_output=True,
                            text=True).stdout
    remove_db(path)
    return schema


def time_reference(schema, deals, customers, work_dir):
    path = os.path.join(work_dir, 'reference.db')
    remove_db(path)
    subprocess.run(['sqlite3', path], input=schema, check=True, text=True)
    sql = REFERENCE_INSERT.format(deals=deals, customers=customers)
    start = time.monotonic()
    subprocess.run(['sqlite3', '-bail', path], input=sql, check=True, text=True)
    seconds = time.monotonic() - start
    rows = count_rows(path) - 7 - 2
    if rows != deals + customers + 8:
        sys.exit(f'seed.py: the reference wrote {rows} rows, not {deals + customers + 8}')
    remove_db(path)
    return seconds, rows


def time_sales_desk(sales_desk, deals, customers, work_dir, env):
    path = os.path.join(work_dir, 'demo.db')
    remove_db(path)
    argv = [sales_desk, '--db', path, '--seed-demo', '--deals', str(deals)]
    if customers:
        argv += ['--customers', str(customers)]
    start = time.monotonic()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    # The stages and lost reasons are the new database's own, not the generator's.
    rows = count_rows(path)
    defaults = subprocess.run(['sqlite3', path, 'SELECT (SELECT count(*) FROM stage) + '
                               '(SELECT count(*) FROM lost_reason)'], check=True,
                              capture_output=True, text=True).stdout
    rows -= int(defaults.strip())
    remove_db(path)
    return seconds, rows


def main():
    parser = argparse.ArgumentParser(description='Sample data generation against sqlite3')
    parser.add_argument('--sales-desk', required=True)
    parser.add_argument('--deals', type=int, default=1000000)
    parser.add_argument('--customers', type=int, default=0,
                        help='default: what sales-desk uses, deals / 5 (at least 10)')
    parser.add_argument('--runs', type=int, default=1)
    parser.add_argument('--work-dir')
    parser.add_argument('--json', action='store_true')
    parser.add_argument('--check', action='store_true',
                        help='exit 1 when a target is missed')
    args = parser.parse_args()

    customers = args.customers or max(args.deals // 5, 10)
    work_dir = args.work_dir or tempfile.mkdtemp(prefix='sales-desk-bench-seed-')
    own_work_dir = args.work_dir is None
    os.makedirs(work_dir, exist_ok=True)
    env = dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8')
    env.pop('G_DEBUG', None)

    try:
        schema = app_schema(args.sales_desk, work_dir, env)
        ours, theirs = [], []
        for i in range(args.runs):
            seconds, rows = time_reference(schema, args.deals, customers, work_dir)
            theirs.append((seconds, rows))
            log(f'run {i + 1}/{args.runs}: sqlite3 shell {rows} rows in {seconds:.2f} s')
            seconds, rows = time_sales_desk(args.sales_desk, args.deals, args.customers,
                                            work_dir, env)
            ours.append((seconds, rows))
            log(f'run {i + 1}/{args.runs}: sales-desk {rows} rows in {seconds:.2f} s')
    finally:
        if own_work_dir:
            shutil.rmtree(work_dir, ignore_errors=True)

    our_seconds, our_rows = min(ours)
    ref_seconds, ref_rows = min(theirs)
    our_rate = our_rows / our_seconds
    ref_rate = ref_rows / ref_seconds
    ratio = our_rate / ref_rate
    rows = [
        {
            'measurement': f'demo generation, {args.deals} deals: rows/s',
            'value': round(our_rate), 'unit': 'rows/s',
            'reference': round(ref_rate), 'reference_label': 'sqlite3 shell bulk insert',
            'ratio': round(ratio, 3), 'target': f'>= {TARGET_RATIO}x',
            'met': ratio >= TARGET_RATIO,
        },
        {
            'measurement': f'demo generation, {args.deals} deals: time',
            'value': round(our_seconds, 2), 'unit': 's',
            'reference': round(ref_seconds, 2), 'reference_label': 'sqlite3 shell bulk insert',
            'ratio': None, 'target': f'< {TARGET_SECONDS:.0f} s',
            'met': args.deals < 1000000 or our_seconds < TARGET_SECONDS,
        },
        {
            'measurement': f'demo generation, {args.deals} deals: rows written',
            'value': our_rows, 'unit': 'rows',
            'reference': ref_rows, 'reference_label': 'sqlite3 shell bulk insert',
            'ratio': None, 'target': None, 'met': None,
        },
    ]

    if args.json:
        print(json.dumps({'rows': rows}))
    else:
        for r in rows:
            print(f'{r["measurement"]}: {r["value"]} {r["unit"]} (reference {r["reference"]}'
                  f'{", ratio " + str(r["ratio"]) if r["ratio"] is not None else ""}'
                  f'{", target " + r["target"] if r["target"] else ""})')

    return 0 if not args.check or all(r['met'] is not False for r in rows) else 1


if __name__ == '__main__':
    sys.exit(main())
