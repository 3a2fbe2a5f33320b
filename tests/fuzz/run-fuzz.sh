#!/bin/sh
# run-fuzz.sh SOURCE_DIR BUILD_DIR csv|xlsx SECONDS
#
# Builds a libFuzzer target of the import readers with clang (the readers' sources compiled
# into it, so that libFuzzer sees their coverage) and runs it for SECONDS from a corpus seeded
# with tests/fixtures/import. A crash fails the test and leaves its input in the build
# folder (tests/fuzz/crash-*), to be added to the fixtures once fixed.
set -eu
src=$1
build=$2
target=$3
seconds=$4

command -v clang >/dev/null 2>&1 || { echo "clang is not installed: skipped"; exit 77; }

out="$build/tests/fuzz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/corpus"

define=""
[ "$target" = xlsx ] && define="-DFUZZ_XLSX"
pkgs="glib-2.0 gobject-2.0 gio-2.0 libxml-2.0 libarchive sqlite3 pangocairo json-glib-1.0 libical opencc"

# shellcheck disable=SC2046,SC2086
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $define \
  -DG_LOG_DOMAIN='"sales-core"' -I"$build" -I"$build/src/core" -I"$src/src/core" \
  $(pkg-config --cflags $pkgs) \
  "$src/tests/fuzz/fuzz-import.c" \
  "$src/src/core/sales-import-reader.c" "$src/src/core/sales-import-csv.c" \
  "$src/src/core/sales-import-xlsx.c" "$build/src/core/sales-enums.c" \
  -o "$out/fuzz-import-$target" $(pkg-config --libs $pkgs) -lcsv

fixtures="$src/tests/fixtures/import"
if [ "$target" = csv ]; then
  # The first byte picks the encoding; 0 is auto.
  for f in "$fixtures"/*.csv "$fixtures"/*.txt; do
    { printf '\000'; cat "$f"; } > "$work/corpus/$(basename "$f")"
  done
else
  cp "$fixtures"/*.xlsx "$work/corpus/"
  python3 - "$fixtures/customers.xlsx" "$work/corpus/split" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
open(sys.argv[2], 'wb').write(z.read('xl/sharedStrings.xml') + b'\0' +
                              z.read('xl/worksheets/sheet1.xml'))
PY
fi

cd "$out"
"./fuzz-import-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/" -print_final_stats=1 "$work/corpus"
