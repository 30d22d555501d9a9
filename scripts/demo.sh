#!/usr/bin/env bash
# The main job, on the bundled cookie: a session cookie written by Werkzeug 0.16.1 on Python 2.7
# (pickle protocol 0, SHA-1) is decoded, then re-issued as a JSON cookie with a new key, which
# real Werkzeug then reads. Usage: scripts/demo.sh PATH-TO-securecookie
set -euo pipefail
cd "$(dirname "$0")/.."
TOOL="${1:?usage: scripts/demo.sh PATH-TO-securecookie}"
COOKIE="$(cat Fixtures/werkzeug/demo/legacy-session.cookie)"
SECRET_FILE=Fixtures/werkzeug/demo/secret.txt

echo "== The legacy cookie (Werkzeug 0.16.1, Python 2.7, pickle, SHA-1):"
echo "$COOKIE"
echo
echo "== securecookie decode --codec pickle --secret-file $SECRET_FILE COOKIE"
"$TOOL" decode --codec pickle --secret-file "$SECRET_FILE" "$COOKIE"
echo
echo "== What 'inspect' shows without the key (unverified):"
"$TOOL" inspect --codec pickle "$COOKIE"
echo
NEW_KEY="$("$TOOL" keygen)"
echo "== securecookie migrate --from-codec pickle --to-codec json --to-hash sha256 --to-secret-hex <new key>"
NEW_COOKIE="$(echo "$COOKIE" | "$TOOL" migrate --from-codec pickle --from-secret-file "$SECRET_FILE" \
    --to-codec json --to-hash sha256 --to-secret-hex "$NEW_KEY")"
echo "$NEW_COOKIE"
echo
echo "== securecookie decode --codec json --hash sha256 --secret-hex <new key> NEW_COOKIE"
"$TOOL" decode --codec json --hash sha256 --secret-hex "$NEW_KEY" "$NEW_COOKIE"
if [ -x .venv-interop/py3/bin/python ]; then
    echo
    echo "== Real Werkzeug 0.16.1 (Python 3, a JSON SecureCookie subclass) reads the re-issued cookie:"
    .venv-interop/py3/bin/python - "$NEW_KEY" "$NEW_COOKIE" <<'PY'
import binascii, sys
sys.path.insert(0, "Interop")
import tagged, werkzeug_codecs as wc
data = wc.unserialize("json", "sha256", binascii.unhexlify(sys.argv[1]), sys.argv[2])
print(tagged.dumps(tagged.to_tagged(data)) if data else "Werkzeug read nothing!")
sys.exit(0 if data else 1)
PY
fi
