#!/usr/bin/env bash
# Runs the serve scenario with the real AWS CLI against `kms-study serve`:
# create, alias, encrypt, rotate, decrypt, schedule deletion, and the common errors.
# Usage: scripts/aws-cli-scenario.sh [AWS_CLI]   (default: /usr/bin/aws if present, else aws on PATH)
# Needs a built tree (npm run build): runs the launcher, which runs the bundle (dist/cli). Exits non-zero on the first unexpected result.
set -euo pipefail
AWS=$(command -v "${1:-$( [ -x /usr/bin/aws ] && echo /usr/bin/aws || echo aws )}" || true)
[ -n "$AWS" ] || { echo "no AWS CLI found" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
export KMS_STUDY_HOME="$WORK/home" AWS_ACCESS_KEY_ID=default AWS_SECRET_ACCESS_KEY=not-checked AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$WORK/none" AWS_SHARED_CREDENTIALS_FILE="$WORK/none" AWS_PAGER="" PAGER=cat MANPAGER=cat AWS_MAX_ATTEMPTS=1
node "$ROOT/bin/kms-study.js" serve --port 0 --quiet > "$WORK/serve.out" 2> "$WORK/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do grep -q 'listening on' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
EP=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$WORK/serve.out")
[ -n "$EP" ] || { echo "server did not start" >&2; cat "$WORK/serve.err" >&2; exit 1; }
aws() { "$AWS" --endpoint-url "$EP" "$@"; }
expect_error() { # expect_error CODE command...
  local code=$1; shift
  if out=$(aws "$@" 2>&1); then echo "FAIL: expected $code from: $*" >&2; exit 1; fi
  grep -q "($code)" <<<"$out" || { echo "FAIL: expected $code, got: $out" >&2; exit 1; }
  echo "ok: $code from ${2:-$1}"
}
echo "using $("$AWS" --version 2>&1)"
KEY=$(aws kms create-key --description cli-scenario --query KeyMetadata.KeyId --output text)
echo "ok: created $KEY"
aws kms create-alias --alias-name alias/cli-scenario --target-key-id "$KEY"
printf 'secret data' > "$WORK/plain.txt"
aws kms encrypt --key-id alias/cli-scenario --plaintext "fileb://$WORK/plain.txt" --encryption-context app=cli \
  --query CiphertextBlob --output text | base64 -d > "$WORK/ct.bin"
if "$AWS" kms rotate-key-on-demand help < /dev/null > /dev/null 2>&1; then
  aws kms rotate-key-on-demand --key-id "$KEY" > /dev/null
  [ "$(aws kms list-key-rotations --key-id "$KEY" --query 'length(Rotations)' --output text)" = 1 ] || { echo "FAIL: rotation not listed" >&2; exit 1; }
  echo "ok: rotated on demand"
else # CLI releases before 2024 do not know on-demand rotation: rotate automatically instead
  aws kms enable-key-rotation --key-id "$KEY"
  [ "$(aws kms get-key-rotation-status --key-id "$KEY" --query KeyRotationEnabled --output text)" = True ] || { echo "FAIL: rotation not enabled" >&2; exit 1; }
  echo "ok: automatic rotation enabled (this CLI has no rotate-key-on-demand)"
fi
OUT=$(aws kms decrypt --ciphertext-blob "fileb://$WORK/ct.bin" --encryption-context app=cli --query Plaintext --output text | base64 -d)
[ "$OUT" = "secret data" ] || { echo "FAIL: decrypt gave '$OUT'" >&2; exit 1; }
echo "ok: decrypted after rotation"
expect_error InvalidCiphertextException kms decrypt --ciphertext-blob "fileb://$WORK/ct.bin" --encryption-context app=other
expect_error NotFoundException kms describe-key --key-id alias/missing
AWS_ACCESS_KEY_ID=dev expect_error AccessDeniedException kms encrypt --key-id "$KEY" --plaintext "fileb://$WORK/plain.txt"
STATE=$(aws kms schedule-key-deletion --key-id "$KEY" --pending-window-in-days 7 --query KeyState --output text)
[ "$STATE" = PendingDeletion ] || { echo "FAIL: state $STATE" >&2; exit 1; }
expect_error KMSInvalidStateException kms encrypt --key-id "$KEY" --plaintext "fileb://$WORK/plain.txt"
echo "scenario passed"
