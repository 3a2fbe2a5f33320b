#!/usr/bin/python3
# validate.py: checks of the packaging data and the translations (meson suite 'validate')
#
#   validate.py desktop FILE       desktop-file-validate, no errors or warnings
#   validate.py metainfo FILE      appstreamcli validate --no-net
#   validate.py schemas DIR        glib-compile-schemas --strict --dry-run
#   validate.py po SRCDIR LANG     the catalogue is well formed and 100 % translated against
#                                  the strings the sources mark today
#   validate.py potfiles SRCDIR    po/POTFILES.in lists every file with translatable strings
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

APP_ID = 'io.github.salesdesk.SalesDesk'
DOMAIN = 'sales-desk'

# The same keywords as meson's i18n 'glib' preset, so that the catalogue is judged against
# the template `meson compile sales-desk-pot` would write.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

# A C call of one of gettext's functions or macros; the look-behind keeps `foo_(` out.
C_MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])(?:N|C|NC|Q)?_\s*\(|'
    r'(?<![A-Za-z0-9_])(?:g_d?n?gettext|g_dc?gettext|g_dpgettext2?|n?gettext|dn?gettext)\s*\(')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')

SCANNED_DIRS = ('src', 'ui', 'data')


def run(cmd, **kwargs):
    print('$', ' '.join(cmd), flush=True)
    return subprocess.run(cmd, text=True, capture_output=True, **kwargs)


def echo(proc):
    sys.stdout.write(proc.stdout)
    sys.stdout.write(proc.stderr)


def need_file(path):
    if not os.path.isfile(path):
        sys.exit(f'missing: {path}')


def check_desktop(path):
    need_file(path)
    proc = run(['desktop-file-validate', '--no-hints', path])
    echo(proc)
    # desktop-file-validate exits 0 on warnings; a warning is still a defect here.
    if proc.returncode != 0 or re.search(r'\b(error|warning):', proc.stdout + proc.stderr):
        sys.exit(f'{path} is not a valid desktop file')
    print(f'{path}: valid')


def check_metainfo(path):
    need_file(path)
    proc = run(['appstreamcli', 'validate', '--no-net', '--explain', path])
    echo(proc)
    if proc.returncode != 0:
        sys.exit(f'{path} does not pass appstreamcli validate')


def check_schemas(directory):
    need_file(os.path.join(directory, f'{APP_ID}.gschema.xml'))
    proc = run(['glib-compile-schemas', '--strict', '--dry-run', directory])
    echo(proc)
    if proc.returncode != 0 or proc.stderr.strip():
        sys.exit(f'the GSettings schemas in {directory} do not compile strictly')
    print(f'{directory}: schemas compile with --strict')


def read_potfiles(srcdir):
    entries = []
    with open(os.path.join(srcdir, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def statistics(proc):
    """Parses msgfmt --statistics: (translated, fuzzy, untranslated)."""
    text = proc.stderr + proc.stdout
    numbers = []
    for word in ('translated message', 'fuzzy translation', 'untranslated message'):
        m = re.search(r'(\d+) ' + word, text)
        numbers.append(int(m.group(1)) if m else 0)
    return tuple(numbers)


def check_po(srcdir, lang):
    po = os.path.join(srcdir, 'po', f'{lang}.po')
    need_file(po)
    failed = False

    # Well formed as it is: syntax, headers, format strings matching their msgids.
    proc = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po])
    echo(proc)
    if proc.returncode != 0:
        print(f'{po}: msgfmt --check failed')
        failed = True

    # Complete against the strings the sources mark today, not only against the msgids the
    # catalogue happens to hold.
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, f'{DOMAIN}.pot')
        merged = os.path.join(tmp, f'{lang}.po')
        proc = run(['xgettext', '--package-name=' + DOMAIN, '--files-from=po/POTFILES.in',
                    '--output=' + pot] + XGETTEXT_ARGS, cwd=srcdir)
        echo(proc)
        if proc.returncode != 0:
            sys.exit('xgettext failed on po/POTFILES.in')
        if not os.path.exists(pot):
            sys.exit('po/POTFILES.in lists no translatable string')
        proc = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file=' + merged,
                    po, pot])
        echo(proc)
        if proc.returncode != 0:
            sys.exit(f'msgmerge failed on {po}')
        proc = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged])
        echo(proc)
        translated, fuzzy, untranslated = statistics(proc)
        if proc.returncode != 0 or translated == 0 or fuzzy or untranslated:
            proc = run(['msgattrib', '--only-fuzzy', '--no-obsolete', merged])
            if proc.stdout.strip():
                print('Fuzzy:\n' + proc.stdout)
            proc = run(['msgattrib', '--untranslated', '--no-obsolete', merged])
            if proc.stdout.strip():
                print('Untranslated:\n' + proc.stdout)
            print(f'{po}: {translated} translated, {fuzzy} fuzzy, {untranslated} untranslated '
                  'against the current sources; 100 % is required')
            failed = True
        else:
            print(f'{po}: all {translated} messages translated')

    if failed:
        sys.exit(1)


def needs_translation(path):
    name = os.path.basename(path)
    if name.endswith(('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')):
        return True
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return False
    if name.endswith(('.c', '.h')):
        return bool(C_MARKERS.search(text))
    if name.endswith(('.ui', '.blp')):
        return bool(UI_MARKER.search(text))
    if name.endswith('.gschema.xml'):
        return 'gettext-domain' in text
    return False


def check_potfiles(srcdir):
    listed = read_potfiles(srcdir)
    failed = False

    for entry in listed:
        if not os.path.isfile(os.path.join(srcdir, entry)):
            print(f'po/POTFILES.in lists {entry}, which does not exist')
            failed = True

    wanted = []
    for top in SCANNED_DIRS:
        for root, dirs, files in os.walk(os.path.join(srcdir, top)):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                if needs_translation(path):
                    wanted.append(os.path.relpath(path, srcdir))

    for entry in wanted:
        if entry not in listed:
            print(f'{entry} has translatable strings but po/POTFILES.in does not list it')
            failed = True

    if failed:
        sys.exit(1)
    print(f'po/POTFILES.in lists all {len(wanted)} files with translatable strings')


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    what = argv[1]
    if what == 'desktop':
        check_desktop(argv[2])
    elif what == 'metainfo':
        check_metainfo(argv[2])
    elif what == 'schemas':
        check_schemas(argv[2])
    elif what == 'po' and len(argv) == 4:
        check_po(argv[2], argv[3])
    elif what == 'potfiles':
        check_potfiles(argv[2])
    else:
        sys.exit(f'unknown check: {" ".join(argv[1:])}')


if __name__ == '__main__':
    main(sys.argv)
