#!/usr/bin/env bash
# Imports a file of historical events through the running server and reports how long it took.
#   benchmarks/import-events.sh <base-url> <api-token> <file.jsonl> [refuse-file|report-line]
# Prints the import's final state and the events per second from upload to done (docs/benchmarks.md).
set -euo pipefail
base=$1 token=$2 file=$3 mode=${4:-refuse-file}
start=$(date +%s.%N)
location=$(curl -fsS -D - -o /dev/null -H "Authorization: Bearer $token" \
  -F "file=@$file" -F "onBadLine=$mode" "$base/api/v1/event-imports" | tr -d '\r' | awk 'tolower($1)=="location:"{print $2}')
uploaded=$(date +%s.%N)
while :; do
  state=$(curl -fsS -H "Authorization: Bearer $token" "$base$location")
  status=$(printf '%s' "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  [[ $status == queued || $status == running ]] || break
  sleep 0.2
done
done_at=$(date +%s.%N)
printf '%s\n' "$state" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print({k: s[k] for k in ("status", "linesDone", "logged", "alreadyPresent", "refused", "totalBytes")})'
python3 - "$start" "$uploaded" "$done_at" "$state" <<'PY'
import json, sys
start, uploaded, done = map(float, sys.argv[1:4])
s = json.loads(sys.argv[4])
lines = s["logged"] + s["alreadyPresent"]
print(f"upload {uploaded - start:.2f} s, logging {done - uploaded:.2f} s, total {done - start:.2f} s, "
      f"{lines / (done - start):,.0f} events/s end to end")
PY
