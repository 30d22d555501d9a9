#!/usr/bin/env bash
# Instruction counts per operation under callgrind, for decisions on a shared, loaded machine
# (instruction counts do not drift with load as wall-clock time does).
#
#   Benchmarks/profile.sh [CODEC...]          default: pickle json msgpack yaml
#   ITERATIONS=200 OPS="unserialize serialize floor" PAYLOAD=session Benchmarks/profile.sh pickle
#
# Builds securecookie-bench in release with DWARF 4 (Swift 6 emits DWARF 5, which valgrind 3.19
# cannot read) into Benchmarks/.build-perf-cg, runs `--profile CODEC --op OP` under callgrind with
# instrumentation only around the measured loop, and prints Ir per operation. The callgrind files
# stay in $OUT (default /tmp/securecookie-callgrind) for `callgrind_annotate --inclusive=yes FILE`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
iterations="${ITERATIONS:-200}"
ops="${OPS:-unserialize serialize floor}"
payload="${PAYLOAD:-session}"
out="${OUT:-/tmp/securecookie-callgrind}"
codecs=("$@")
[ ${#codecs[@]} -eq 0 ] && codecs=(pickle json msgpack yaml)
mkdir -p "$out"
swift build -c release --package-path "$here" --scratch-path "$here/.build-perf-cg" \
    -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4 >&2
bench="$here/.build-perf-cg/release/securecookie-bench"
printf '| codec | payload | op | instructions/op |\n|---|---|---|---:|\n'
for codec in "${codecs[@]}"; do
    for op in $ops; do
        file="$out/$codec-$payload-$op.out"
        valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$file" \
            "$bench" --profile "$codec" --op "$op" --payload "$payload" --iterations "$iterations" >/dev/null 2>&1
        total=$(awk '/^totals:/ {print $2}' "$file")
        printf '| %s | %s | %s | %d |\n' "$codec" "$payload" "$op" $((total / iterations))
    done
done
