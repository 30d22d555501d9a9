#!/usr/bin/env bash
# Runs the hostile corpus (Fixtures/hostile/hostile.jsonl) through the built tool under a memory
# bound (ulimit -v, 512 MiB of address space) and a time bound (10 s a group): the Werkzeug cookies
# one codec at a time, then the Flask session cookies (--format flask --now NOW), each group as one
# batch. Every cookie must come back as one line: an {"$error": KIND} line with the expected kind, or,
# where the corpus expects "ok" (Flask reads a value within our limits), any typed line. Not for
# sanitizer builds.
# Then every cookie through decode, inspect (no key) and migrate (Werkzeug to Flask and Flask to
# Werkzeug, and to Werkzeug JSON), and the tagged-JSON lines through encode --format flask, one
# process each, within 1 s and 256 MiB, never ended by a signal, its errors typed and repeating
# nothing of the cookie (scripts/hostile_entry_points.py).
# Usage: scripts/hostile.sh [path/to/securecookie]
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-.build/debug/securecookie}
corpus=Fixtures/hostile/hostile.jsonl
passed=0; failed=0
for codec in json pickle yaml msgpack flask; do
  # The group's lines: expected kind, cookie; and its options (a Flask group shares one clock).
  group=$(python3 -c "import json,sys
lines=[json.loads(l) for l in open('$corpus') if l.strip()]
lines=[c for c in lines if c['codec']=='$codec' and 'cookie' in c]
nows={c['now'] for c in lines if c.get('format')=='flask'}
assert len(nows)<=1, 'one --now per group: %r' % nows
print(' '.join(['--format','flask','--now',str(nows.pop())] if nows else ['--codec','$codec']))
for c in lines: print(c['expect'])")
  options=$(head -n 1 <<<"$group")
  expected=$(tail -n +2 <<<"$group")
  set +e
  # Straight from the corpus to the tool: a shell variable would drop a cookie's NUL byte.
  # shellcheck disable=SC2086 # $options is a word list
  got=$(python3 -c "import json,sys
for l in open('$corpus'):
    c=json.loads(l)
    if c['codec']=='$codec' and 'cookie' in c: sys.stdout.buffer.write(c['cookie'].encode('utf-8') + b'\n')" |
    (ulimit -v 524288; timeout 10 "$tool" decode $options --secret hostile-key 2>/dev/null))
  status=$?  # pipefail: the tool's status when it failed
  set -e
  if [ $status -ne 0 ] && [ $status -ne 1 ]; then
    echo "FAIL $codec: tool exited $status (want 0 or 1: a signal, the time bound or the memory bound ended it)"
    failed=$((failed+1)); continue
  fi
  if [ "$(printf '%s\n' "$got" | wc -l)" -ne "$(printf '%s\n' "$expected" | wc -l)" ]; then
    echo "FAIL $codec: $(printf '%s\n' "$got" | wc -l) lines for $(printf '%s\n' "$expected" | wc -l) cookies"
    failed=$((failed+1)); continue
  fi
  kinds=$(printf '%s\n' "$got" | python3 -c "import json,sys
for l in sys.stdin:
    try: line=json.loads(l)
    except ValueError: print('(not JSON)'); continue
    print(line.get('\$error','ok') if isinstance(line, dict) else '(not an object)')")
  names=$(python3 -c "import json,sys
for l in open('$corpus'):
    c=json.loads(l)
    if c['codec']=='$codec' and 'cookie' in c: print(c['name'])")
  while IFS=$'\t' read -r want have name; do
    if [ "$want" = "$have" ] || { [ "$want" = ok ] && [ "${have#(}" = "$have" ]; }; then
      passed=$((passed+1))
    else
      echo "FAIL $codec $name: want $want, got $have"; failed=$((failed+1))
    fi
  done < <(paste <(printf '%s\n' "$expected") <(printf '%s\n' "$kinds") <(printf '%s\n' "$names"))
done
entry_status=0
python3 scripts/hostile_entry_points.py "$tool" "$corpus" || entry_status=1
echo "hostile: $passed passed, $failed failed"
[ $failed -eq 0 ] && [ $entry_status -eq 0 ]
