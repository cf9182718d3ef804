#!/usr/bin/env bash
# scripts/bench.sh - jixiao beside DuckDB and sqlite3 on one generated projects file.
#
#   scripts/bench.sh [--rows N] [--runs N] [--indicators] [--configs duckdb,duckdb-t1,sqlite3] [--dir DIR]
#
# Generates N projects (default 1000000, seed 42) with ../shared/bench/gen_projects.py,
# builds jixiao and jixiao-bench in release mode, runs ../shared/bench/peers.sh on the
# file, then jixiao-bench on the same file with peers.sh's results beside its own
# figures (last column: jixiao ÷ DuckDB). Run it from anywhere; data goes to --dir
# (default: a new temporary folder) and is reused when already there.
# --indicators also generates five indicators per project and times recompute with them.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${SHARED_BENCH:-$repo/../shared/bench}
rows=1000000
runs=5
indicators=0
configs=duckdb,duckdb-t1,sqlite3
dir=
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2;;
        --runs) runs=$2; shift 2;;
        --indicators) indicators=1; shift;;
        --configs) configs=$2; shift 2;;
        --dir) dir=$2; shift 2;;
        -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0;;
        *) echo "bench.sh: unknown argument $1" >&2; exit 2;;
    esac
done
[ -r "$shared/gen_projects.py" ] || { echo "bench.sh: no $shared/gen_projects.py (set SHARED_BENCH)" >&2; exit 2; }
dir=${dir:-$(mktemp -d "${TMPDIR:-/tmp}/jixiao-bench.XXXXXX")}
mkdir -p "$dir"
csv=$dir/projects-$rows.csv
ind=$dir/indicators-$rows.csv
if [ ! -s "$csv" ] || { [ $indicators = 1 ] && [ ! -s "$ind" ]; }; then
    extra=()
    [ $indicators = 1 ] && extra=(--indicators "$ind")
    echo "bench.sh: generating $rows rows in $dir" >&2
    python3 "$shared/gen_projects.py" --rows "$rows" --seed 42 --out "$csv" "${extra[@]}" >&2
fi
bench_args=()
if [ $indicators = 1 ]; then
    bench_args+=(--indicators "$ind")
fi

cd "$repo"
swift build -c release --product jixiao >&2
swift build -c release --product jixiao-bench >&2
bin=$(swift build -c release --show-bin-path)

peers_out=$dir/peers
mkdir -p "$peers_out"
OUTDIR=$peers_out "$shared/peers.sh" "$csv" --runs "$runs" --configs "$configs"
echo
# DuckDB's own binary, as peers.sh finds it, for the one-shot rounds taken side by side.
duckdb_bin=$(python3 -c 'import duckdb_cli, os; p = os.path.join(os.path.dirname(duckdb_cli.__file__), "duckdb"); print(p if os.access(p, os.X_OK) else "")' 2>/dev/null || true)
[ -n "$duckdb_bin" ] && bench_args+=(--duckdb "$duckdb_bin")
"$bin/jixiao-bench" "$csv" --runs "$runs" --peers "$peers_out/results.json" --repo "$repo" "${bench_args[@]}"
