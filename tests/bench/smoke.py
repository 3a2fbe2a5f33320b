#!/usr/bin/python3
# smoke.py: runs one benchmark driver end to end on tiny data, so that a driver that no
# longer runs fails the test suite instead of the next measurement
#
#   smoke.py --build-dir BUILD NAME
#   smoke.py --build-dir BUILD --covers NAME,...
#
# NAME is a measurement of run-benchmarks (which it runs with the arguments run-benchmarks
# gives it, sizes made tiny) or one of EXTRA below, the drivers run-benchmarks does not run.
# The test passes when the driver exits 0 and prints at least one row whose value is a
# number; targets are not checked, tiny data says nothing about speed. Drivers that open a
# window are skipped without a display. --covers fails when run-benchmarks has a measurement
# missing from the list, so that a new one gets its smoke test in tests/bench/meson.build.
# Output is TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import contextlib
import importlib.machinery
import importlib.util
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# The size and repetition options of the drivers, and their values on tiny data.
TINY = {
    '--deals': '300',
    '--small-deals': '100',
    '--customers': '100',
    '--reps': '3',
    '--rows': '300',
    '--big-mb': '1',
    '--moves': '5',
    '--switches': '2',
    '--scroll-steps': '5',
    '--checks': '5',
    '--runs': '1',
    '--shell-runs': '1',
}

# The drivers that open a window.
NEEDS_DISPLAY = {'startup', 'board-switch', 'customer-page', 'dashboard-switch'}


def load_run_benchmarks():
    loader = importlib.machinery.SourceFileLoader('run_benchmarks',
                                                  os.path.join(HERE, 'run-benchmarks'))
    spec = importlib.util.spec_from_loader('run_benchmarks', loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def duplicates_args(build, options):
    return ['--sales-desk', os.path.join(build, 'src', 'sales-desk'),
            '--duplicates', os.path.join(build, 'tests', 'bench', 'duplicates'),
            '--customers', '100000', '--deals', '300000', '--checks', '200']


def duplicates_rows(answer):
    return answer['rows']


# Drivers that run-benchmarks does not run, in the same form as its MEASUREMENTS.
EXTRA = [
    ('duplicates', 'duplicates.py', duplicates_args, duplicates_rows),
]


def tiny(argv, script):
    """argv with every size option the script knows (by its --help) set to its tiny value."""
    usage = subprocess.run([sys.executable, os.path.join(HERE, script), '--help'],
                           stdout=subprocess.PIPE, text=True, check=True).stdout
    out = list(argv)
    for i, arg in enumerate(out[:-1]):
        if arg in TINY:
            out[i + 1] = TINY[arg]
    for option, value in TINY.items():
        if option not in out and re.search(re.escape(option) + r'\b(?!-)', usage):
            out += [option, value]
    return out


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and \
        math.isfinite(value)


def check_rows(rows, run_benchmarks):
    if not any(is_number(r.get('value')) for r in rows):
        return 'no figure printed'
    for r in rows:
        value = r.get('value')
        if not is_number(value) and not (isinstance(value, str) and value):
            return f'{r.get("measurement")!r}: value {value!r} is neither a number nor a text'
    # The rows as run-benchmarks prints them in its table.
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            run_benchmarks.print_table(rows)
    except (ValueError, KeyError, TypeError) as e:
        return f'run-benchmarks cannot print the rows: {e!r}'
    return None


def run_wrapper(build, script, args, read, env, run_benchmarks):
    full = args(build, argparse.Namespace(quick=True))
    argv = [sys.executable, os.path.join(HERE, script), '--json'] + tiny(full, script)
    print('# ' + ' '.join(argv), flush=True)
    child = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=env)
    output = child.stderr + child.stdout
    if child.returncode != 0:
        return f'exit status {child.returncode}', output
    # As run-benchmarks reads it.
    try:
        return check_rows(read(json.loads(child.stdout)), run_benchmarks), output
    except (ValueError, KeyError, IndexError, TypeError) as e:
        return f'output does not parse: {e!r}', output


def run_customer_list(build, env, run_benchmarks):
    """customer-list has no wrapper: it prints one line a figure on a database of its own."""
    with tempfile.TemporaryDirectory(prefix='sales-desk-smoke-') as work_dir:
        path = os.path.join(work_dir, 'customers.db')
        subprocess.run([os.path.join(build, 'src', 'sales-desk'), '--db', path, '--seed-demo',
                        '--customers', TINY['--customers'], '--deals', TINY['--deals']],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        argv = [os.path.join(build, 'tests', 'bench', 'customer-list'), path, '1']
        print('# ' + ' '.join(argv), flush=True)
        child = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, env=env)
    if child.returncode != 0:
        return f'exit status {child.returncode}', child.stdout
    figures = [line for line in child.stdout.splitlines() if line.rstrip().endswith('rows)')]
    values = []
    for line in figures:
        try:
            values.append({'measurement': line[:40].strip(),
                           'value': float(line[40:].split()[0]), 'unit': 'ms',
                           'reference': None, 'ratio': None, 'target': None})
        except (ValueError, IndexError):
            values.append({'measurement': line, 'value': None})
    if 'slowest:' not in child.stdout:
        return 'no "slowest:" line', child.stdout
    return check_rows(values, run_benchmarks), child.stdout


def main():
    parser = argparse.ArgumentParser(description='One benchmark driver on tiny data')
    parser.add_argument('--build-dir', required=True)
    parser.add_argument('--covers', help='comma-separated names that have a smoke test')
    parser.add_argument('name', nargs='?')
    options = parser.parse_args()

    build = os.path.abspath(options.build_dir)
    run_benchmarks = load_run_benchmarks()
    measurements = run_benchmarks.MEASUREMENTS + EXTRA

    if options.covers is not None:
        missing = [m[0] for m in measurements if m[0] not in options.covers.split(',')]
        print('1..1')
        if missing:
            print(f'not ok 1 - no smoke test for {", ".join(missing)} '
                  f'(add it to tests/bench/meson.build)')
            return 1
        print('ok 1 - every driver has a smoke test')
        return 0

    env = dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8')
    if options.name in NEEDS_DISPLAY and not (env.get('DISPLAY') or env.get('WAYLAND_DISPLAY')):
        print(f'1..0 # SKIP {options.name} opens a window and there is no display')
        return 0

    if options.name == 'customer-list':
        error, output = run_customer_list(build, env, run_benchmarks)
    else:
        found = [m for m in measurements if m[0] == options.name]
        if not found:
            sys.exit(f'smoke.py: unknown driver {options.name}')
        _, script, args, read = found[0]
        error, output = run_wrapper(build, script, args, read, env, run_benchmarks)

    print('1..1')
    if error:
        for line in output.splitlines()[-40:]:
            print('# ' + line)
        print(f'not ok 1 - {options.name}: {error}')
        return 1
    print(f'ok 1 - {options.name} runs end to end and prints its figures')
    return 0


if __name__ == '__main__':
    sys.exit(main())
