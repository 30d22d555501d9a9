#!/usr/bin/env bash
# Replays what a fuzzing run saved (Fuzz/findings/<target>/crash-*, timeout-*, oom-*) one at a time
# and classifies each, because libFuzzer's -timeout is wall-clock time: on a loaded machine a slow
# but bounded input can pass 2 s without using 2 s of CPU.
#   crash      the replay crashed (a Swift trap, an ASan report, an oracle finding: its first line shown)
#   timeout    the replay used 2 s of CPU or more (user + system)
#   oom        the replay passed 256 MB of RSS
#   load       a saved timeout that now finishes in under 2 s of CPU: the machine was busy, not the code
# One line per distinct stack top, with how many artifacts share it and the smallest of them.
# Usage: Fuzz/triage.sh [TARGET...]   (needs the fuzzers built by Fuzz/run.sh)
set -uo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzCookie FuzzPickle FuzzJSON FuzzYAML FuzzMessagePack FuzzSignedCookie FuzzFlask)
bin=.build-fuzz/debug
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:quarantine_size_mb=16}
log=$(mktemp)
rows=$(mktemp)
for target in "${targets[@]}"; do
  for input in Fuzz/findings/"$target"/crash-* Fuzz/findings/"$target"/timeout-* Fuzz/findings/"$target"/oom-*; do
    [ -e "$input" ] || continue
    /usr/bin/time -o "$log.time" -f '%U %S' "$bin/$target" -timeout=30 -rss_limit_mb=256 "$input" >"$log" 2>&1
    seconds=$(tail -1 "$log.time" | awk '{printf "%.2f", $1 + $2}')
    if grep -aq 'out-of-memory\|rss limit' "$log"; then verdict=oom
    elif grep -aq 'timeout after' "$log" || awk -v s="$seconds" 'BEGIN { exit !(s >= 2) }'; then verdict=timeout
    elif grep -aq 'deadly signal\|ERROR: AddressSanitizer\|==FUZZ FINDING==' "$log"; then verdict=crash
    else verdict=load
    fi
    # The stack top: the oracle's message, or the first frame in this repository's code.
    top=$(grep -a -m1 -o '==FUZZ FINDING==.*' "$log" | cut -c18-120)
    [ -n "$top" ] || top=$(grep -a -m1 -E '^ +#[0-9]+ .* in .*/(Sources|Plugins)/' "$log" | sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //' | cut -c1-160)
    [ -n "$top" ] || top=-
    failure=$(grep -a -m1 -o 'Swift runtime failure: [A-Za-z ]*\|ERROR: AddressSanitizer: [a-z-]*' "$log")
    [ -z "$failure" ] || top="$failure @ $top"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$verdict" "$top" "$(wc -c <"$input")" "$input" "$seconds" >>"$rows"
  done
done
printf '%-17s %-8s %5s %6s %7s  %s\n' target verdict count bytes cpu-s "stack top (smallest input)"
sort -t$'\t' -k1,1 -k2,2 -k3,3 -k4,4n "$rows" | awk -F'\t' '
  { key = $1 FS $2 FS $3; n[key]++; if (!(key in first)) { first[key] = $0; order[++k] = key } }
  END { for (i = 1; i <= k; i++) { split(first[order[i]], f, FS)
          printf "%-17s %-8s %5d %6d %7s  %s\n      %s\n", f[1], f[2], n[order[i]], f[4], f[6], f[3], f[5] } }'
rm -f "$log" "$log.time" "$rows"
