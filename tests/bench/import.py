#!/usr/bin/python3
# import.py: importing customers from a GB18030 CSV file, against the sqlite3 shell
#
#   import.py --sales-desk BUILD/src/sales-desk [--rows 100000] [--runs 3]
#             [--big-mb 100] [--floor] [--work-dir DIR] [--json] [--check]
#
# Writes a CSV file of --rows customers as Chinese Excel saves it (GB18030, CRLF, a header of
# Chinese names; name, industry, source, phone, e-mail, contact, mobile, title, address and
# notes with a comma in quotes), the same file converted to UTF-8, then, in turns, --runs
# times each, and each into a database of its own:
#
#   sales-desk   `sales-desk --db NEW --import-customers FILE` with the default duplicate
#                policy (skip): every row checked against the database and the rows before
#                it; the store's rules, the key-figure summaries, duplicate keys and search
#                index written in the same transaction. Timed from start to exit.
#   reference    `sqlite3 NEW ".import --csv FILE.utf8 plain"`: the same rows into a plain
#                table, timed from start to exit.
#
# Rows per second are compared by the medians: ratio = reference time / sales-desk time.
# Target of the import/export issue: >= 0.5x. The processor time (user + system, from wait4)
# of each is reported too, with its own ratio: on a shared machine the wall-clock times of a
# short and a long job suffer differently from the other work.
#
# --floor adds a third job to each turn: what SQLite alone takes to write the rows Sales Desk
# writes, into the real schema, with nothing computed in between, which bounds what the
# import can reach:
#
#   floor        the UTF-8 file read into a staging table of a database made by Sales Desk
#                (a one-row import) with the sqlite3 shell's `.import` (the reference's own
#                work), then, in the bulk path's settings (rollback journal, 32 MB page cache,
#                the key figures' and changed-customer triggers and the text indexes of
#                customer dropped, FTS5's automerge off, one transaction), each stage one
#                INSERT ... SELECT: the customers, their contacts, the duplicate keys, the text
#                indexes built again, the search rows and their two indexes, the FTS5 trigram
#                index ('rebuild') and the one- and two-character index. The duplicate keys
#                and search rows are the ones the first Sales Desk run of the turns computed
#                (its customer_key and customer_search, with each body's grams computed here
#                as sales_search_text_grams() does), read into staging tables beforehand and
#                not timed: the floor writes the same data but checks no duplicate,
#                normalises nothing and folds no text. The stages run in Python's sqlite3
#                module (the same libsqlite3), each timed in wall-clock and processor time;
#                floor = staging + stages.
#
# Then the peak memory (maximum resident set, from wait4) of importing a --big-mb file of the
# same rows, against importing a file of one row: streamed, it must stay within 100 MB above
# that. --big-mb 0 leaves it out.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import csv as csvmod
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

TARGET_RATIO = 0.5
TARGET_MEMORY_MB = 100.0

SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'
GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红'
WORDS = '华强中关村天府西湖明远腾飞鼎盛宏达恒通瑞丰金鼎东方长城新世纪海纳百川启航远景'
CITIES = ['北京', '上海', '深圳', '杭州', '成都', '广州', '武汉', '南京', '苏州', '西安']
INDUSTRIES = ['电子', '软件', '制造', '零售', '食品', '物流', '医疗', '教育']
SOURCES = ['展会', '转介绍', '官网', '电话', '微信', '合作伙伴']
SUFFIXES = ['有限公司', '科技有限公司', '贸易有限公司', '股份有限公司', '集团']
HEADER = '客户名称,行业,来源,电话,邮箱,联系人,手机,职务,地址,备注\r\n'


def write_csv(path, rows, seed=1):
    rng = random.Random(seed)
    with open(path, 'w', encoding='gb18030', newline='') as f:
        f.write(HEADER)
        for i in range(rows):
            city = rng.choice(CITIES)
            name = city + ''.join(rng.choice(WORDS) for _ in range(3)) + f'{i}' + \
                rng.choice(SUFFIXES)
            contact = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            f.write(f'{name},{rng.choice(INDUSTRIES)},{rng.choice(SOURCES)},'
                    f'0{rng.randint(10, 999)}-{rng.randint(10000000, 99999999)},'
                    f'info{i}@example.cn,{contact},1{rng.randint(3000000000, 9999999999)},'
                    f'经理,{city}市{rng.choice(WORDS)}区{i % 900 + 1}号,"备注, 第{i}行"\r\n')


def to_utf8(source, dest):
    with open(source, encoding='gb18030', newline='') as f, \
            open(dest, 'w', encoding='utf-8', newline='') as out:
        shutil.copyfileobj(f, out)


def timed(argv, env=None):
    """Wall-clock seconds and processor seconds (user + system) of running argv."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    child = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           env=env)
    elapsed = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        sys.exit(f'import.py: {" ".join(argv)} failed: {child.stderr.strip()}')
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def peak_rss_mb(argv, env):
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f'import.py: {" ".join(argv)} failed: {child.stderr.read().decode()}')
    return usage.ru_maxrss / 1024.0


def is_word_char(c):
    """sales_search_text_is_word_char()"""
    if c < '\x80':
        return c.isalnum()
    if '\u4e00' <= c <= '\u9fa5':
        return True
    return c.isalpha() or c.isdecimal()


def grams(body):
    """sales_search_text_grams(): every word character and pair of adjacent ones, the first of
    equal ones kept, separated by spaces."""
    out, seen, prev = [], set(), None
    for c in body:
        if not is_word_char(c):
            prev = None
            continue
        for gram in (c,) if prev is None else (c, prev + c):
            if gram not in seen:
                seen.add(gram)
                out.append(gram)
        prev = c
    return ' '.join(out)


def write_derived(ours_db, keys_csv, search_csv):
    """The duplicate keys and search rows a Sales Desk import wrote, as CSV files."""
    import sqlite3
    db = sqlite3.connect(ours_db)
    with open(keys_csv, 'w', newline='', encoding='utf-8') as f:
        csvmod.writer(f).writerows(
            db.execute('SELECT key, customer_id FROM customer_key ORDER BY customer_id, key'))
    with open(search_csv, 'w', newline='', encoding='utf-8') as f:
        writer = csvmod.writer(f)
        for row in db.execute('SELECT customer_id, name_key, initials, body '
                              'FROM customer_search ORDER BY customer_id'):
            writer.writerow(row + (grams(row[3]),))
    db.close()


FLOOR_STAGES = [
    ('customers',
     ['INSERT INTO customer (name, industry, source, phone, email, address, notes, '
      'created_at, updated_at) SELECT name, industry, source, phone, email, address, notes, '
      'unixepoch(), unixepoch() FROM main.sheet ORDER BY rowid']),
    ('contacts',
     ['INSERT INTO contact (customer_id, name, title, phone, is_primary) '
      'SELECT rowid + (SELECT n FROM base), contact, title, mobile, 1 FROM main.sheet '
      'ORDER BY rowid']),
    ('duplicate keys',
     ['INSERT OR IGNORE INTO customer_key (key, customer_id) '
      'SELECT key, customer_id + (SELECT n FROM base) FROM derived_key']),
    ('text indexes of customer', None),
    ('search rows',
     ['INSERT INTO customer_search (customer_id, name_key, initials, body) '
      'SELECT customer_id + (SELECT n FROM base), name_key, initials, body '
      'FROM derived_search ORDER BY customer_id']),
    ('indexes of the search rows', None),
    ('trigram index', ["INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')"]),
    ('one- and two-character index',
     ['INSERT INTO customer_gram (rowid, grams) '
      'SELECT customer_id + (SELECT n FROM base), grams FROM derived_search '
      'ORDER BY customer_id']),
    ('commit', ['COMMIT']),
]
FLOOR_INDEXES = {
    'text indexes of customer': ['customer_name', 'customer_tier_name', 'customer_industry_name',
                                 'customer_source_name'],
    'indexes of the search rows': ['customer_search_name', 'customer_search_initials'],
}
FLOOR_TRIGGERS = ['customer_dirty_insert', 'contact_dirty_insert', 'kpi_customer_insert']


def floor(template, db, utf8, keys_csv, search_csv):
    """Wall-clock and processor seconds of the floor, and of each of its stages."""
    import sqlite3
    for suffix in ('', '-wal', '-shm', '-journal'):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copy(template, db)
    shell = sqlite3.connect(db)
    shell.execute('PRAGMA journal_mode = DELETE')
    shell.execute('CREATE TABLE sheet (name, industry, source, phone, email, contact, mobile, '
                  'title, address, notes)')
    shell.execute('CREATE TABLE derived_key (key TEXT, customer_id INTEGER)')
    shell.execute('CREATE TABLE derived_search (customer_id INTEGER, name_key TEXT, '
                  'initials TEXT, body TEXT, grams TEXT)')
    shell.commit()
    shell.close()
    # Not timed: the rows Sales Desk derived, standing for the computing the floor leaves out
    subprocess.run(['sqlite3', db, '.import --csv ' + keys_csv + ' derived_key',
                    '.import --csv ' + search_csv + ' derived_search'], check=True,
                   stdout=subprocess.DEVNULL)
    wall, cpu = timed(['sqlite3', db, '.import --csv --skip 1 ' + utf8 + ' sheet'])
    stages = [('read the file (sqlite3 .import)', wall, cpu)]

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute('PRAGMA cache_size = -32768')
    conn.execute('BEGIN')
    conn.execute('CREATE TEMP TABLE base AS SELECT coalesce (max (id), 0) AS n FROM customer')
    indexes = {}
    for stage, names in FLOOR_INDEXES.items():
        indexes[stage] = [conn.execute('SELECT sql FROM sqlite_master WHERE name = ?',
                                       (name,)).fetchone()[0] for name in names]
        for name in names:
            conn.execute('DROP INDEX ' + name)
    for name in FLOOR_TRIGGERS:
        conn.execute('DROP TRIGGER ' + name)
    # As sales-customer-search-update.c fills an empty index
    for table in ('customer_fts', 'customer_gram'):
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', 0)")
    for stage, statements in FLOOR_STAGES:
        start, start_cpu = time.monotonic(), time.process_time()
        for sql in statements or indexes[stage]:
            conn.execute(sql)
        stages.append((stage, time.monotonic() - start, time.process_time() - start_cpu))
    conn.close()
    return sum(s[1] for s in stages), sum(s[2] for s in stages), stages


def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def load():
    try:
        return round(os.getloadavg()[0], 1)
    except OSError:
        return None


def main():
    parser = argparse.ArgumentParser(
        description='Import customers from a GB18030 CSV file, against the sqlite3 shell')
    parser.add_argument('--sales-desk', required=True)
    parser.add_argument('--rows', type=int, default=100000)
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--big-mb', type=int, default=100)
    parser.add_argument('--floor', action='store_true')
    parser.add_argument('--work-dir')
    parser.add_argument('--json', action='store_true')
    parser.add_argument('--check', action='store_true')
    options = parser.parse_args()

    work = options.work_dir or tempfile.mkdtemp(prefix='sales-import-bench-')
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8',
               XDG_DATA_HOME=os.path.join(work, 'data-home'))

    csv = os.path.join(work, f'customers-{options.rows}-gb18030.csv')
    utf8 = csv.replace('gb18030', 'utf8')
    if not os.path.exists(csv):
        write_csv(csv, options.rows)
    if not os.path.exists(utf8):
        to_utf8(csv, utf8)

    if options.floor:
        template = os.path.join(work, 'floor-template.db')
        if os.path.exists(template):
            os.remove(template)
        one = os.path.join(work, 'customers-1-gb18030.csv')
        write_csv(one, 1)
        timed([options.sales_desk, '--db', template, '--import-customers', one], env)
        keys_csv = os.path.join(work, 'derived-keys.csv')
        search_csv = os.path.join(work, 'derived-search.csv')

    ours, reference, ours_cpu, reference_cpu = [], [], [], []
    floors, floors_cpu, floor_stages = [], [], []
    load_before = load()
    for run in range(options.runs):
        db = os.path.join(work, f'ref-{run}.db')
        for suffix in ('', '-wal', '-shm', '-journal'):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        wall, cpu = timed(['sqlite3', db, '.import --csv ' + utf8 + ' plain'])
        reference.append(wall)
        reference_cpu.append(cpu)

        db = os.path.join(work, f'ours-{run}.db')
        for suffix in ('', '-wal', '-shm', '-journal'):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        wall, cpu = timed([options.sales_desk, '--db', db, '--import-customers', csv], env)
        ours.append(wall)
        ours_cpu.append(cpu)

        if options.floor:
            if run == 0:
                write_derived(db, keys_csv, search_csv)
            wall, cpu, stages = floor(template, os.path.join(work, f'floor-{run}.db'), utf8,
                                      keys_csv, search_csv)
            floors.append(wall)
            floors_cpu.append(cpu)
            floor_stages.append(stages)
    load_after = load()

    ours_s, reference_s = median(ours), median(reference)
    ours_cpu_s, reference_cpu_s = median(ours_cpu), median(reference_cpu)
    answer = {
        'rows': options.rows,
        'import': {
            'label': f'{options.rows} customers from a GB18030 CSV, duplicates checked',
            'seconds': ours_s, 'rows_per_s': options.rows / ours_s, 'runs': ours,
            'reference_seconds': reference_s, 'reference_rows_per_s': options.rows / reference_s,
            'reference_runs': reference,
            'ratio': reference_s / ours_s, 'target_ratio': TARGET_RATIO,
            'cpu_seconds': ours_cpu_s, 'cpu_runs': ours_cpu,
            'reference_cpu_seconds': reference_cpu_s, 'reference_cpu_runs': reference_cpu,
            'cpu_ratio': reference_cpu_s / ours_cpu_s,
            'load_before': load_before, 'load_after': load_after,
        },
    }

    if options.floor:
        floor_s, floor_cpu_s = median(floors), median(floors_cpu)
        answer['floor'] = {
            'seconds': floor_s, 'runs': floors, 'rows_per_s': options.rows / floor_s,
            'cpu_seconds': floor_cpu_s, 'cpu_runs': floors_cpu,
            'ratio': reference_s / floor_s, 'cpu_ratio': reference_cpu_s / floor_cpu_s,
            'ours_over_floor': ours_s / floor_s, 'ours_over_floor_cpu': ours_cpu_s / floor_cpu_s,
            'stages': [{'stage': name,
                        'seconds': median([s[i][1] for s in floor_stages]),
                        'cpu_seconds': median([s[i][2] for s in floor_stages])}
                       for i, (name, _, _) in enumerate(floor_stages[0])],
        }

    if options.big_mb > 0:
        big = os.path.join(work, f'customers-{options.big_mb}mb-gb18030.csv')
        if not os.path.exists(big):
            # About 133 bytes a row in GB18030
            write_csv(big, options.big_mb * 1024 * 1024 // 130, seed=2)
        small = os.path.join(work, 'customers-1-gb18030.csv')
        write_csv(small, 1)
        dbs = [os.path.join(work, name) for name in ('idle.db', 'big.db')]
        for db in dbs:
            for suffix in ('', '-wal', '-shm'):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
        idle = peak_rss_mb([options.sales_desk, '--db', dbs[0], '--import-customers', small],
                           env)
        peak = peak_rss_mb([options.sales_desk, '--db', dbs[1], '--import-customers', big], env)
        answer['memory'] = {
            'file_mb': os.path.getsize(big) / 1024 / 1024,
            'idle_mb': idle, 'peak_mb': peak, 'above_idle_mb': peak - idle,
            'target_mb': TARGET_MEMORY_MB,
        }

    if options.json:
        print(json.dumps(answer))
    else:
        i = answer['import']
        print(f'{i["label"]}: {i["rows_per_s"]:.0f} rows/s ({i["seconds"]:.2f} s); '
              f'sqlite3 .import: {i["reference_rows_per_s"]:.0f} rows/s '
              f'({i["reference_seconds"]:.2f} s); ratio {i["ratio"]:.3f}x '
              f'(target >= {TARGET_RATIO}x); load {load_before} -> {load_after}')
        print(f'processor time: {i["cpu_seconds"]:.2f} s; sqlite3 .import: '
              f'{i["reference_cpu_seconds"]:.2f} s; ratio {i["cpu_ratio"]:.3f}x')
        if 'floor' in answer:
            fl = answer['floor']
            print(f'floor (SQLite alone writing the same rows): {fl["seconds"]:.2f} s, '
                  f'processor {fl["cpu_seconds"]:.2f} s; sqlite3 .import over it: '
                  f'{fl["ratio"]:.3f}x (processor {fl["cpu_ratio"]:.3f}x); Sales Desk: '
                  f'{fl["ours_over_floor"]:.2f}x the floor (processor '
                  f'{fl["ours_over_floor_cpu"]:.2f}x)')
            for s in fl['stages']:
                print(f'  {s["stage"]}: {s["seconds"]:.3f} s, processor {s["cpu_seconds"]:.3f} s')
        if 'memory' in answer:
            m = answer['memory']
            print(f'peak memory importing {m["file_mb"]:.0f} MB: {m["peak_mb"]:.1f} MB, '
                  f'one row: {m["idle_mb"]:.1f} MB, above: {m["above_idle_mb"]:.1f} MB '
                  f'(target <= {TARGET_MEMORY_MB} MB)')

    if not options.work_dir:
        shutil.rmtree(work)

    missed = answer['import']['ratio'] < TARGET_RATIO or \
        answer.get('memory', {}).get('above_idle_mb', 0) > TARGET_MEMORY_MB
    return 1 if options.check and missed else 0


if __name__ == '__main__':
    sys.exit(main())
