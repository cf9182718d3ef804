#!/bin/sh
# Builds the libraries with libFuzzer coverage and AddressSanitizer, links each harness
# in Fuzz/ against them, and runs each for SECONDS (default 60).
#
#   scripts/fuzz.sh SECONDS [query|csv|importer|workbook|output|form ...]
#
# Seeds are read from Fuzz/corpus/NAME (and past crashes from Fuzz/crashes/NAME); inputs
# the fuzzer finds go to .build-fuzz/corpus/NAME, crashes to .build-fuzz/artifacts/NAME/.
# docs/RELIABILITY.md says more. Minimise a crash with
#   .build-fuzz/fuzz-NAME -minimize_crash=1 -runs=100000 CRASH
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=${*:-query csv importer workbook output form}
scratch=.build-fuzz
# A Swift trap is a crash to libFuzzer; Swift's own backtracer would get in its way.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
# Leaks inside Foundation itself (listed, with why, in the file) are not the project's.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(pwd)/Fuzz/lsan.supp}"

# FUZZ_SKIP_BUILD=1 reuses the libraries built by an earlier run (for runs in parallel:
# two builds in one scratch folder at once can leave it without coverage).
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  # One -sanitize=fuzzer,address for the compiler: Swift 6.3's two --sanitize flags
  # leave the libraries without coverage instrumentation.
  swift build -c release -Xswiftc -sanitize=fuzzer,address --target Shell --scratch-path "$scratch"
fi
if ! objdump -h "$scratch/release/QuerySyntax.build/Lexer.swift.o" | grep -q sancov; then
  echo "fuzz.sh: the libraries in $scratch have no coverage instrumentation; remove $scratch and run again" >&2
  exit 1
fi
# Every library object, the packages' included; not the executables, tests or libedit.
objects=$(find "$scratch/release/" -path '*.build/*.o' | grep -v -E \
  '/(jixiao|jixiao_bench|LineEditor|ArgumentParser[A-Za-z]*|[A-Za-z]*Tests|[A-Za-z_]*-tool|generate_[a-z_]*|jixiaoPackage[A-Za-z]*)\.build/' | sort)
# Module maps of C modules the packages use (zlib for the workbook reader).
includes=$(find "$scratch/checkouts" -name module.modulemap -exec dirname {} \; 2>/dev/null | sed 's/^/-I /' | tr '\n' ' ')

status=0
for name in $harnesses; do
  case $name in
    query) source=Fuzz/QueryFuzz.swift ;;
    csv) source=Fuzz/CSVFuzz.swift ;;
    importer) source=Fuzz/ImporterFuzz.swift ;;
    workbook) source=Fuzz/WorkbookFuzz.swift ;;
    output) source=Fuzz/OutputFuzz.swift ;;
    form) source=Fuzz/FormFuzz.swift ;;
    *) echo "fuzz.sh: unknown harness '$name' (query, csv, importer, workbook, output or form)" >&2; exit 2 ;;
  esac
  if [ ! -f "$source" ]; then
    echo "fuzz.sh: $source does not exist; skipping $name" >&2
    continue
  fi
  binary="$scratch/fuzz-$name"
  rm -f "$binary"
  # shellcheck disable=SC2086
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz_$name" \
    -I "$scratch/release/Modules" $includes "$source" $objects -o "$binary" 2>&1 |
    grep -v "Cannot export local symbol" || true
  [ -x "$binary" ] || { echo "fuzz.sh: could not build $binary" >&2; exit 1; }
  mkdir -p "$scratch/corpus/$name" "$scratch/artifacts/$name"
  dict=""
  [ -f "Fuzz/$name.dict" ] && dict="-dict=Fuzz/$name.dict"
  crashes=""
  [ -d "Fuzz/crashes/$name" ] && crashes="Fuzz/crashes/$name"
  echo "== fuzzing $name for $seconds s"
  # shellcheck disable=SC2086
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$scratch/artifacts/$name/" $dict \
    "$scratch/corpus/$name" "Fuzz/corpus/$name" $crashes || status=$?
done
exit $status
