#!/usr/bin/python3
# export.py: exporting a million deals to CSV and to xlsx
#
#   export.py --sales-desk BUILD/src/sales-desk [--deals 1000000] [--runs 3] [--db FILE]
#             [--csv-only] [--work-dir DIR] [--json] [--check]
#
# Makes a database with `sales-desk --seed-demo --deals N` (or copies --db FILE, which is left
# alone), then times `sales-desk --db FILE --export-deals deals.csv` and `… deals.xlsx`, the
# command a user runs: start, open and check the file, read every deal with its customer,
# stage, owner and lost reason, and write the file. One untimed run first (it also brings an
# older schema up to date and warms the page cache), then --runs timed runs of each, taken in
# turns with the reference, and the median.
#
# Reference, in the same run: the sqlite3 shell writing the same query (the exporter's SELECT,
# the same joins and order) as CSV (`sqlite3 -csv FILE "SELECT …" > out.csv`), which neither
# formats amounts, dates and times nor neutralises formulas.
#
# Target of the import/export issue: CSV at 200 000 rows/s or more. The xlsx figure is
# reported, without a target.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_CSV_ROWS_PER_S = 200000

# The exporter's query for all deals (src/core/sales-export-tables.c)
DEALS_SQL = (
    'SELECT x.id, x.title, c.name, s.name, r.name, x.amount_cents, x.currency, '
    'x.expected_close, x.created_at, x.closed_at, l.name, x.lost_note '
    'FROM deal AS x '
    'JOIN customer AS c ON c.id = x.customer_id '
    'JOIN stage AS s ON s.id = x.stage_id '
    'LEFT JOIN rep AS r ON r.id = x.owner_id '
    'LEFT JOIN lost_reason AS l ON l.id = x.lost_reason_id '
    'ORDER BY x.id')


def log(message):
    print(message, file=sys.stderr, flush=True)


def make_db(args, work_dir, env):
    path = os.path.join(work_dir, 'export.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    if args.db:
        log(f'export.py: copying {args.db}')
        shutil.copyfile(args.db, path)
    else:
        log(f'export.py: generating {args.deals} deals')
        subprocess.run([args.sales_desk, '--db', path, '--seed-demo', '--deals', str(args.deals)],
                       env=env, check=True, stdout=subprocess.DEVNULL)
    return path


def timed(argv, env, stdout=subprocess.DEVNULL):
    """Wall and CPU (user + system) seconds of one child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(argv, env=env, check=True, stdout=stdout)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def count_deals(path, env):
    out = subprocess.run(['sqlite3', path, 'SELECT count(*) FROM deal'], env=env, check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    return int(out.strip())


def measure(args, path, work_dir, env):
    csv = os.path.join(work_dir, 'deals.csv')
    xlsx = os.path.join(work_dir, 'deals.xlsx')
    reference = os.path.join(work_dir, 'reference.csv')

    log('export.py: untimed run (schema, page cache)')
    subprocess.run([args.sales_desk, '--db', path, '--export-deals', csv], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    rows = count_deals(path, env)

    times = {'csv': [], 'xlsx': [], 'reference': []}
    cpu = {'csv': [], 'xlsx': [], 'reference': []}
    for run in range(args.runs):
        log(f'export.py: run {run + 1} of {args.runs}')
        with open(reference, 'w') as out:
            wall, used = timed(['sqlite3', '-csv', path, DEALS_SQL], env, stdout=out)
        times['reference'].append(wall)
        cpu['reference'].append(used)
        wall, used = timed([args.sales_desk, '--db', path, '--export-deals', csv], env)
        times['csv'].append(wall)
        cpu['csv'].append(used)
        if args.csv_only:
            continue
        wall, used = timed([args.sales_desk, '--db', path, '--export-deals', xlsx], env)
        times['xlsx'].append(wall)
        cpu['xlsx'].append(used)

    result = {'rows': rows, 'runs': args.runs, 'load': os.getloadavg()[0],
              'csv_bytes': os.path.getsize(csv),
              'xlsx_bytes': None if args.csv_only else os.path.getsize(xlsx),
              'reference_bytes': os.path.getsize(reference)}
    for key in [k for k in times if times[k]]:
        median = statistics.median(times[key])
        result[key] = {'median_s': median, 'rows_per_s': rows / median,
                       'cpu_median_s': statistics.median(cpu[key]),
                       'cpu_rows_per_s': rows / statistics.median(cpu[key])}
    return result


def rows_of(result):
    reference = result['reference']
    rows = []
    for key, label, target in (('csv', 'CSV (UTF-8 with BOM)', TARGET_CSV_ROWS_PER_S),
                               ('xlsx', 'xlsx (constant memory)', None)):
        if key not in result:
            continue
        r = result[key]
        rows.append({
            'measurement': f'export: {result["rows"]} deals to {label}, sales-desk --export-deals, '
                           f'median of {result["runs"]} (load {result["load"]:.1f})',
            'value': round(r['rows_per_s']), 'unit': 'rows/s',
            'reference': round(reference['rows_per_s']),
            'reference_label': 'sqlite3 -csv of the same query',
            'ratio': r['rows_per_s'] / reference['rows_per_s'],
            'target': f'>= {target} rows/s' if target else None,
            'met': r['rows_per_s'] >= target if target else None,
        })
        rows.append({
            'measurement': 'export: the same, rows per second of CPU time (user + system)',
            'value': round(r['cpu_rows_per_s']), 'unit': 'rows/s',
            'reference': round(reference['cpu_rows_per_s']),
            'reference_label': 'sqlite3 -csv, CPU time',
            'ratio': r['cpu_rows_per_s'] / reference['cpu_rows_per_s'],
            'target': None, 'met': None,
        })
    return rows


def main():
    parser = argparse.ArgumentParser(description='Exporting deals to CSV and xlsx')
    parser.add_argument('--sales-desk', required=True)
    parser.add_argument('--deals', type=int, default=1000000)
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--db', help='a database to copy instead of generating one')
    parser.add_argument('--work-dir')
    parser.add_argument('--csv-only', action='store_true', help='leave out the xlsx export')
    parser.add_argument('--json', action='store_true')
    parser.add_argument('--check', action='store_true', help='exit 1 when a target is missed')
    args = parser.parse_args()

    env = dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8')
    work_dir = args.work_dir or tempfile.mkdtemp(prefix='sales-desk-export-')
    try:
        path = make_db(args, work_dir, env)
        result = measure(args, path, work_dir, env)
    finally:
        if not args.work_dir:
            shutil.rmtree(work_dir, ignore_errors=True)

    rows = rows_of(result)
    if args.json:
        print(json.dumps({'result': result, 'rows': rows}))
    else:
        for r in rows:
            print(f'{r["measurement"]}: {r["value"]} {r["unit"]} '
                  f'(reference {r["reference"]}, ratio {r["ratio"]:.2f})')
    if args.check and any(r['met'] is False for r in rows):
        sys.exit(1)


if __name__ == '__main__':
    main()
