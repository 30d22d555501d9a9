#!/usr/bin/env bash
# Runs the hostile corpus (Fixtures/hostile/hostile.jsonl) through the built tool under a memory
# bound (ulimit -v, 512 MiB of address space) and a time bound (10 s a codec): every cookie must
# come back as an {"$error": KIND} line with the expected kind. Not for sanitizer builds.
# Then every cookie through decode, inspect (no key) and migrate, one process each, within 1 s and
# 256 MiB and never ended by a signal (scripts/hostile_entry_points.py).
# Usage: scripts/hostile.sh [path/to/securecookie]
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-.build/debug/securecookie}
corpus=Fixtures/hostile/hostile.jsonl
passed=0; failed=0
for codec in json pickle yaml msgpack; do
  expected=$(python3 -c "import json,sys
for l in open('$corpus'):
    c=json.loads(l)
    if c['codec']=='$codec': print(c['expect'])")
  cookies=$(python3 -c "import json,sys
for l in open('$corpus'):
    c=json.loads(l)
    if c['codec']=='$codec': print(c['cookie'])")
  set +e
  got=$(printf '%s\n' "$cookies" | (ulimit -v 524288; timeout 10 "$tool" decode --codec "$codec" --secret hostile-key 2>/dev/null))
  status=$?
  set -e
  if [ $status -ne 1 ]; then echo "FAIL $codec: tool exited $status (want 1: every line an error)"; failed=$((failed+1)); continue; fi
  kinds=$(printf '%s\n' "$got" | python3 -c "import json,sys
for l in sys.stdin: print(json.loads(l).get('\$error','(decoded!)'))")
  while IFS=$'\t' read -r want have; do
    if [ "$want" = "$have" ]; then passed=$((passed+1)); else echo "FAIL $codec: want $want, got $have"; failed=$((failed+1)); fi
  done < <(paste <(printf '%s\n' "$expected") <(printf '%s\n' "$kinds"))
done
entry_status=0
python3 scripts/hostile_entry_points.py "$tool" "$corpus" || entry_status=1
echo "hostile: $passed passed, $failed failed"
[ $failed -eq 0 ] && [ $entry_status -eq 0 ]
