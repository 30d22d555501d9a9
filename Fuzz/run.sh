#!/usr/bin/env bash
# Builds the libFuzzer targets (ASan + fuzzer coverage) in .build-fuzz and runs each in turn.
# Usage: Fuzz/run.sh [-runs=N | SECONDS | -regressions] [TARGET...]
#   -regressions  replays every committed Fuzz/regressions/<target>/ input once (a regression test:
#             fails while any of them still crashes, traps, times out or runs out of memory)
#   -runs=N   N executions per target (the recorded runs: Fuzz/run.sh -runs=10000000)
#   SECONDS   a time per target instead (CI: Fuzz/run.sh 15); default 30 s
# FUZZ_NO_BUILD=1 uses the fuzzers already built (a no-op `swift build` costs minutes on a loaded machine).
# FUZZ_CONFIG=release builds optimized fuzzers (Swift's overflow and bounds traps stay; no ASan unless
# FUZZ_ASAN=1) in .build-fuzz-release: tens of times more executions, for the recorded 10M runs.
# FUZZ_MAX_SECONDS caps each target's time even with -runs (a deadline); FUZZ_NICE=19 runs at low priority.
# Failure criteria: a crash or Swift trap, an oracle finding (Fuzz/FuzzSupport/FuzzOracle.swift), more than
# 2 s for one input, more than 256 MB of RSS; inputs are at most 4096 bytes (the cookie size).
# Fork mode (one job) goes on past a finding and counts them; findings land in Fuzz/findings/<target>/
# (minimize them with -minimize_crash=1 and commit them under Fuzz/regressions/<target>/).
# Seeds: the committed Fuzz/seeds/<target>/ (python3 Fuzz/seeds/generate.py), Fuzz/regressions/<target>/,
# and the conformance data in Fixtures/conformance.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=(-max_total_time=30); what="30 s"
replay=0
case ${1:-} in
  -regressions) replay=1; shift ;;
  -runs=*) limit=(-runs="${1#-runs=}"); what="${1#-runs=} executions"; shift ;;
  '' ) ;;
  -*) echo "usage: Fuzz/run.sh [-runs=N | SECONDS | -regressions] [TARGET...]" >&2; exit 2 ;;
  *) limit=(-max_total_time="$1"); what="$1 s"; shift ;;
esac
[ -n "${FUZZ_MAX_SECONDS:-}" ] && limit+=(-max_total_time="$FUZZ_MAX_SECONDS")
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzCookie FuzzPickle FuzzJSON FuzzYAML FuzzMessagePack FuzzSignedCookie FuzzFlask)
conformance=Fixtures/conformance
config=${FUZZ_CONFIG:-debug}
case $config in
  debug) scratch=.build-fuzz; sanitizers=fuzzer,address ;;
  release) scratch=.build-fuzz-release; sanitizers=fuzzer${FUZZ_ASAN:+,address} ;;
  *) echo "FUZZ_CONFIG is debug or release" >&2; exit 2 ;;
esac
nice=(nice -n "${FUZZ_NICE:-0}")
export SECURECOOKIE_FUZZ=1
# A Swift trap would otherwise start swift-backtrace, which can stall a fuzzing job for minutes.
export SWIFT_BACKTRACE=enable=no
# No allocation stacks in ASan reports (the crash's own stack stays): a quarter more executions. A
# small quarantine, so that -rss_limit_mb measures the code and not ASan's 256 MB of freed chunks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:quarantine_size_mb=16}

for target in "${targets[@]}"; do
  [ -n "${FUZZ_NO_BUILD:-}" ] && break
  echo "== building $target" >&2
  "${nice[@]}" swift build -c "$config" --scratch-path "$scratch" --sanitize=fuzzer \
    -Xswiftc -sanitize="$sanitizers" -Xswiftc -parse-as-library --product "$target" >&2
done
bin=$(swift build -c "$config" --scratch-path "$scratch" --show-bin-path)

if [ $replay = 1 ]; then
  status=0
  for target in "${targets[@]}"; do
    inputs=(Fuzz/regressions/"$target"/*)
    [ -e "${inputs[0]}" ] || continue
    for input in "${inputs[@]}"; do
      if "$bin/$target" -timeout=2 -rss_limit_mb=256 -max_len=4096 "$input" >"$scratch/replay.log" 2>&1; then
        echo "ok      $input"
      else
        echo "FAILS   $input"; grep -aE '==FUZZ FINDING==|ERROR: libFuzzer|Fatal error|SUMMARY' "$scratch/replay.log" | head -3; status=1
      fi
    done
  done
  exit $status
fi

seed() { # target dir
  local dir=$2; rm -rf "$dir"; mkdir -p "$dir"
  cp Fuzz/seeds/"$1"/* "$dir/" 2>/dev/null || true
  cp Fuzz/regressions/"$1"/* "$dir/" 2>/dev/null || true
  case $1 in
    FuzzPickle)
      find "$conformance/pickletester" "$conformance/py2" -name '*.pickle' -size -4097c -exec cp {} "$dir/" \; 2>/dev/null || true ;;
    FuzzYAML)
      for f in "$conformance"/yaml-test-suite/*/in.yaml; do cp "$f" "$dir/$(basename "$(dirname "$f")").yaml"; done 2>/dev/null || true ;;
    FuzzJSON)
      cp "$conformance"/JSONTestSuite/test_parsing/*.json "$dir/" 2>/dev/null || true ;;
  esac
}

dictionary() {
  case $1 in
    FuzzPickle) echo "-dict=Fuzz/dict/pickle.dict" ;;
    FuzzYAML) echo "-dict=Fuzz/dict/yaml.dict" ;;
    FuzzMessagePack) echo "-dict=Fuzz/dict/msgpack.dict" ;;
    FuzzJSON | FuzzFlask) echo "-dict=Fuzz/dict/json.dict" ;;
  esac
}

summary=$(mktemp)
status=0
for target in "${targets[@]}"; do
  corpus=$scratch/corpus/$target
  seed "$target" "$corpus"
  findings=Fuzz/findings/$target; mkdir -p "$findings"
  before=$(ls "$findings" | wc -l)
  log=$scratch/$target.log
  echo "== running $target for $what (seeds: $(ls "$corpus" | wc -l)), log $log" >&2
  start=$(date +%s)
  "${nice[@]}" "$bin/$target" "$corpus" $(dictionary "$target") "${limit[@]}" -max_len=4096 -timeout=2 -rss_limit_mb=256 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || true
  seconds=$(( $(date +%s) - start ))
  # Fork mode's progress lines: "#RUNS: cov: .. exec/s: E oom/timeout/crash: O/T/C time: Ss ...".
  last=$(grep -aE '^#[0-9]+: cov:' "$log" | tail -1 || true)
  runs=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$last"); runs=${runs:-0}
  counts=$(sed -nE 's/.*oom\/timeout\/crash: ([0-9]+\/[0-9]+\/[0-9]+).*/\1/p' <<<"$last"); counts=${counts:-0/0/0}
  new=$(( $(ls "$findings" | wc -l) - before ))
  rate=$(( seconds > 0 ? runs / seconds : runs ))
  printf '%-17s %12s %8s %8s %18s %9s\n' "$target" "$runs" "${seconds}s" "$rate" "$counts" "$new" >>"$summary"
  [ "$new" -eq 0 ] && [ "$counts" = 0/0/0 ] || status=1
done
printf '\n%-17s %12s %8s %8s %18s %9s\n' target executions time exec/s oom/timeout/crash artifacts
cat "$summary"; rm -f "$summary"
# libFuzzer's timeouts are wall-clock: replay what was saved and tell real findings from a busy machine.
[ $status = 0 ] || { echo; Fuzz/triage.sh "${targets[@]}"; }
exit $status
