#!/usr/bin/env bash
# Lints the package's Swift files against the committed .swift-format and reports the count of findings.
#
#   scripts/format-check.sh            report findings; exit 0 (advisory)
#   scripts/format-check.sh --strict   exit 1 when there is any finding
#   scripts/format-check.sh PATH...    lint only these files or folders
#
# It never reformats anything. To fix your own files: swift format format -i --configuration .swift-format FILE...
set -euo pipefail

cd "$(dirname "$0")/.."

strict=0
paths=()
for argument in "$@"; do
    case "$argument" in
        --strict) strict=1 ;;
        -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
        *) paths+=("$argument") ;;
    esac
done
if [ ${#paths[@]} -eq 0 ]; then
    for folder in Sources Plugins Tests; do
        [ -d "$folder" ] && paths+=("$folder")
    done
fi

if swift format --version >/dev/null 2>&1; then
    formatter=(swift format)
elif command -v swift-format >/dev/null 2>&1; then
    formatter=(swift-format)
else
    echo "format-check: swift-format is not in this toolchain; skipped" >&2
    exit 0
fi

output=$(mktemp)
trap 'rm -f "$output"' EXIT
# swift-format exits non-zero when it has findings; the count is what matters here.
"${formatter[@]}" lint --recursive --parallel --configuration .swift-format "${paths[@]}" >"$output" 2>&1 || true

# Findings look like "path:line:column: warning: [Rule] message"; the same one can be printed more than once.
findings=$(grep -E '^[^:]+:[0-9]+:[0-9]+: (warning|error): ' "$output" | sort -u || true)
count=$(printf '%s' "$findings" | grep -c . || true)
other=$(grep -vE '^[^:]+:[0-9]+:[0-9]+: (warning|error): ' "$output" || true)

if [ "$count" -gt 0 ]; then
    printf '%s\n' "$findings"
    echo
    echo "findings by rule:"
    printf '%s\n' "$findings" | sed -E 's/.*\[([A-Za-z]+)\].*/\1/' | sort | uniq -c | sort -rn
    echo
    echo "findings by file (top 20):"
    # (head closes the pipe early: without `|| true`, pipefail would end the script here.)
    printf '%s\n' "$findings" | cut -d: -f1 | sort | uniq -c | sort -rn | head -20 || true
fi
if [ -n "$other" ]; then
    echo "swift-format also said:" >&2
    printf '%s\n' "$other" >&2
fi
echo "format-check: $count finding(s) in ${paths[*]}"

if [ "$strict" -eq 1 ] && [ "$count" -gt 0 ]; then
    exit 1
fi
exit 0
