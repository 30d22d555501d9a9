#!/usr/bin/env bash
# Builds the libFuzzer targets (ASan + fuzzer coverage) in .build-fuzz and runs each for SECONDS.
# Usage: Fuzz/run.sh [SECONDS] [TARGET...]   (default 30 s each, every target)
# Seeds come from Fixtures/ (the conformance suites in Fixtures/conformance); findings land in Fuzz/findings/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzCookie FuzzPickle FuzzJSON FuzzYAML FuzzMessagePack FuzzSignedCookie)
conformance=Fixtures/conformance
scratch=.build-fuzz
export SECURECOOKIE_FUZZ=1

for target in "${targets[@]}"; do
  echo "== building $target" >&2
  swift build -c debug --scratch-path "$scratch" --sanitize=fuzzer \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$target" >&2
done
bin=$(swift build -c debug --scratch-path "$scratch" --show-bin-path)

seed() { # target dir
  local dir=$2; rm -rf "$dir"; mkdir -p "$dir"
  case $1 in
    FuzzPickle)
      find "$conformance/pickletester" "$conformance/py2" -name '*.pickle' -exec cp {} "$dir/" \; 2>/dev/null || true ;;
    FuzzYAML)
      for f in "$conformance"/yaml-test-suite/*/in.yaml; do cp "$f" "$dir/$(basename "$(dirname "$f")").yaml"; done 2>/dev/null || true ;;
    FuzzJSON)
      cp "$conformance"/JSONTestSuite/test_parsing/*.json "$dir/" 2>/dev/null || true ;;
    FuzzMessagePack)
      python3 - "$conformance/msgpack-test-suite/msgpack-test-suite.json" "$dir" <<'PY' || true
import json, sys, os
suite = json.load(open(sys.argv[1]))
n = 0
for cases in suite.values():
    for case in cases:
        for hexform in case["msgpack"]:
            open(os.path.join(sys.argv[2], "%04d" % n), "wb").write(bytes.fromhex(hexform.replace("-", ""))); n += 1
PY
      ;;
    FuzzCookie|FuzzSignedCookie)
      python3 - "$dir" <<'PY' || true
import json, glob, os, sys
n = 0
for path in glob.glob("Fixtures/werkzeug/*.jsonl"):
    for line in open(path):
        try: cookie = json.loads(line).get("cookie")
        except Exception: continue
        if cookie:
            open(os.path.join(sys.argv[1], "%05d" % n), "w").write(cookie); n += 1
PY
      ;;
  esac
}

dictionary() {
  case $1 in
    FuzzPickle) echo "-dict=Fuzz/dict/pickle.dict" ;;
    FuzzYAML) echo "-dict=Fuzz/dict/yaml.dict" ;;
    FuzzMessagePack) echo "-dict=Fuzz/dict/msgpack.dict" ;;
    FuzzJSON) echo "-dict=Fuzz/dict/json.dict" ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  corpus=$scratch/corpus/$target
  seed "$target" "$corpus"
  findings=Fuzz/findings/$target; mkdir -p "$findings"
  log=$scratch/$target.log
  echo "== running $target for ${seconds}s (seeds: $(ls "$corpus" | wc -l))" >&2
  if "$bin/$target" "$corpus" $(dictionary "$target") -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
       -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "$target: ${runs:-?} executions in ${seconds}s, no finding"
  else
    echo "$target: FINDING — see $log and $findings/" ; tail -40 "$log" >&2; status=1
  fi
done
exit $status
