#!/usr/bin/python3
# backup.py: a verified backup of a large database, against the sqlite3 shell's .backup
#
#   backup.py --backup BUILD/tests/bench/backup [--db FILE | --sales-desk BUILD/src/sales-desk
#             --deals 1000000] [--runs 3] [--work-dir DIR] [--json] [--check]
#
# Uses --db FILE (left alone; a copy of it is made with `sqlite3 .backup` and the copy is
# what both back up), or makes a database of --deals deals with `sales-desk --seed-demo`.
# Then, in turns, each --runs times, into the same folder, removed after each run:
#
#   sales-desk   tests/bench/backup.c: sales_backup_copy_file(), what the automatic backups,
#                Back Up Now… and the backup before each migration and import run: the
#                online backup API in steps of 1 024 pages, fsync, then PRAGMA
#                integrity_check of the copy and rename. Timed from exec to exit, as the
#                reference.
#   reference    the sqlite3 shell: `sqlite3 SOURCE ".backup DEST"`, timed from exec to exit.
#
# One untimed read of the file first puts it in the page cache for both; before each timed
# run, sync(2) writes back what the run before left, and the two sides take turns going
# first. backup.c reports when every page was copied and on the disk (fsync; the
# reference's commit syncs the file too, so this is what compares with it), when the
# verified backup had its name (then PRAGMA integrity_check of it, and the rename), and how
# long integrity_check alone takes on the finished copy.
#
# Target of the data safety issue: the backup at most 1.2 times the reference. The copy is
# what compares with `sqlite3 .backup`; the verification, which the reference does not do,
# is reported beside it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_RATIO = 1.2


def log(message):
    print(message, file=sys.stderr, flush=True)


def timed(argv):
    start = time.monotonic()
    child = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = (time.monotonic() - start) * 1000
    if child.returncode != 0:
        sys.exit(f'backup.py: {" ".join(argv)} exited with {child.returncode}:\n{child.stderr}')
    return elapsed, child.stdout


def remove(path):
    for suffix in ('', '-journal', '-wal', '-shm'):
        try:
            os.unlink(path + suffix)
        except FileNotFoundError:
            pass


def main():
    parser = argparse.ArgumentParser(description='A verified backup against sqlite3 .backup')
    parser.add_argument('--backup', required=True, help='BUILD/tests/bench/backup')
    parser.add_argument('--db', help='the database to back up (copied first, left alone)')
    parser.add_argument('--sales-desk', help='BUILD/src/sales-desk, to make a database')
    parser.add_argument('--deals', type=int, default=1000000)
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--work-dir')
    parser.add_argument('--json', action='store_true')
    parser.add_argument('--check', action='store_true',
                        help=f'exit 1 when the backup takes more than {TARGET_RATIO}x')
    args = parser.parse_args()
    if not args.db and not args.sales_desk:
        sys.exit('backup.py: give --db FILE or --sales-desk to make one')

    work_dir = args.work_dir or tempfile.mkdtemp(prefix='sales-desk-bench-backup-')
    own_work_dir = args.work_dir is None
    os.makedirs(work_dir, exist_ok=True)
    source = os.path.join(work_dir, 'source.db')
    ours = os.path.join(work_dir, 'ours.db')
    theirs = os.path.join(work_dir, 'theirs.db')
    times = {'sales-desk': [], 'copy': [], 'reference': [], 'integrity_check': []}
    try:
        env = dict(os.environ)
        env['XDG_DATA_HOME'] = os.path.join(work_dir, 'data')
        if args.db:
            log(f'copying {args.db}')
            subprocess.run(['sqlite3', f'file:{args.db}?mode=ro', f'.backup {source}'],
                           check=True)
        else:
            log(f'generating {args.deals} deals into {source}')
            subprocess.run([args.sales_desk, '--db', source, '--seed-demo', '--deals',
                            str(args.deals)], env=env, check=True, stdout=subprocess.DEVNULL)
        size = os.path.getsize(source)
        with open(source, 'rb') as f:
            while f.read(1 << 24):
                pass

        def run_ours():
            elapsed, out = timed([args.backup, source, ours])
            result = json.loads(out)
            times['sales-desk'].append(elapsed)
            times['copy'].append(result['copy_ms'])
            times['integrity_check'].append(result['integrity_check_ms'])
            remove(ours)

        def run_reference():
            elapsed, _ = timed(['sqlite3', source, f'.backup {theirs}'])
            times['reference'].append(elapsed)
            remove(theirs)

        for i in range(args.runs):
            # Each side starts with nothing left to write back from the one before, and
            # they take turns going first.
            for run in (run_ours, run_reference) if i % 2 == 0 else (run_reference, run_ours):
                os.sync()
                run()
            log(f'run {i + 1}/{args.runs}: sales-desk {times["sales-desk"][-1]:.0f} ms, '
                f'copied after {times["copy"][-1]:.0f} ms '
                f'(integrity_check alone {times["integrity_check"][-1]:.0f} ms), '
                f'sqlite3 .backup {times["reference"][-1]:.0f} ms')
    finally:
        if own_work_dir:
            shutil.rmtree(work_dir, ignore_errors=True)
        else:
            remove(source)

    ours_ms = statistics.median(times['sales-desk'])
    copy_ms = statistics.median(times['copy'])
    reference_ms = statistics.median(times['reference'])
    check_ms = statistics.median(times['integrity_check'])
    ratio = copy_ms / reference_ms
    run_ratios = [c / r for c, r in zip(times['copy'], times['reference'])]
    met = ratio <= TARGET_RATIO
    rows = [{
        'measurement': f'backup of {size / 1e6:.0f} MB, every page copied and on the disk '
                       f'({args.runs} runs, median; ratio of each run '
                       f'{", ".join(f"{r:.2f}" for r in run_ratios)})',
        'value': round(copy_ms, 1), 'unit': 'ms',
        'reference': round(reference_ms, 1), 'reference_label': 'sqlite3 .backup',
        'ratio': round(ratio, 3), 'target': f'<= {TARGET_RATIO}x', 'met': met,
    }, {
        'measurement': '  the same, verified (integrity_check), synced and named',
        'value': round(ours_ms, 1), 'unit': 'ms',
        'reference': round(reference_ms, 1), 'reference_label': 'sqlite3 .backup',
        'ratio': round(ours_ms / reference_ms, 3), 'target': None, 'met': None,
    }, {
        'measurement': '  of which integrity_check of the copy (measured alone)',
        'value': round(check_ms, 1), 'unit': 'ms',
        'reference': None, 'reference_label': None,
        'ratio': None, 'target': None, 'met': None,
    }]

    if args.json:
        print(json.dumps({'rows': rows, 'runs': times, 'bytes': size}, indent=1))
    else:
        for r in rows:
            ratio_text = '' if r['ratio'] is None else f'  {r["ratio"]:.2f}x'
            reference_text = '' if r['reference'] is None else \
                f'  (sqlite3 .backup {r["reference"]:.0f} ms)'
            print(f'{r["measurement"]}: {r["value"]:.0f} ms{reference_text}{ratio_text}')
    return 0 if met or not args.check else 1


if __name__ == '__main__':
    sys.exit(main())
