#!/usr/bin/env bash
# Flags integer conversions and shifts on values that may come from outside, over Sources/ and Plugins/.
#
#   scripts/check-arithmetic.sh                  report unaudited sites; exit 1 when there is any
#   scripts/check-arithmetic.sh --list-baseline  print every unaudited site in baseline form (for review)
#
# A site is a line with a conversion `Int(`, `Int8(` ... `UInt64(`, `UInt(` whose argument is not a
# literal and is not labelled `exactly:`, `clamping:`, `truncatingIfNeeded:`, `bitPattern:` or `ascii:`;
# or a shift ` << ` / ` >> ` between spaces, as swift-format lays operators out (it silently drops bits;
# generics' `>>` and shifts of two literals are not flagged); or `abs(` (which traps on Int.min).
# A site is audited when the line, or the line just above it, carries `// checked: <reason>`.
# Lines of scripts/arithmetic-baseline.txt (`path<TAB>trimmed line`) are sites in code this check
# predates, to be audited by their owners; any new site fails.
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=scripts/arithmetic-baseline.txt
mode=check
[ "${1:-}" = "--list-baseline" ] && mode=list

found=$(
    find Sources Plugins -name '*.swift' -print0 | sort -z | xargs -0 awk '
        FNR == 1 { previous = "" }
        {
            line = $0
            code = line
            sub(/\/\/.*/, "", code)                      # comments are not code
            audited = (line ~ /\/\/ checked: ./ || previous ~ /^[ \t]*\/\/ checked: ./)
            previous = line
            if (audited || code ~ /^[ \t]*$/) next
            probe = code
            gsub(/"([^"\\]|\\.)*"/, "\"\"", probe)        # nor are string literals
            gsub(/(U?Int(8|16|32|64)?)\((exactly|clamping|truncatingIfNeeded|bitPattern|ascii):/, "", probe)
            gsub(/(U?Int(8|16|32|64)?)\([0-9_]+\)/, "", probe)
            gsub(/(U?Int(8|16|32|64)?)\.(max|min|bitWidth)/, "", probe)
            gsub(/[0-9][0-9_]* << [0-9][0-9_]*/, "", probe)     # a shift of literals is a constant
            if (probe ~ /(^|[^A-Za-z0-9_.])U?Int(8|16|32|64)?\(/ || probe ~ / (<<|>>)=? / || probe ~ /(^|[^A-Za-z0-9_.])abs\(/) {
                text = line
                sub(/^[ \t]+/, "", text)
                print FILENAME "\t" text
            }
        }'
)

if [ "$mode" = list ]; then
    printf '%s\n' "$found" | sed '/^$/d'
    exit 0
fi

new=$(printf '%s\n' "$found" | sed '/^$/d' | { if [ -f "$baseline" ]; then grep -vxFf "$baseline" || true; else cat; fi; })
if [ -n "$new" ]; then
    count=$(printf '%s\n' "$new" | wc -l)
    echo "check-arithmetic: $count unaudited conversion/shift site(s); check each for outside values and mark it" >&2
    echo "  '// checked: <why it cannot overflow or lose bits>' on the line or the line above:" >&2
    printf '%s\n' "$new" | sed 's/\t/: /' >&2
    exit 1
fi
echo "check-arithmetic: every conversion and shift in Sources/ and Plugins/ is audited"
