#!/bin/bash
# The median time of one page, warm, as one demo user: signs in (keeping the session in a cookie jar),
# requests the page 4 times to warm up, then 11 times, and prints the 6th fastest (the median).
# Usage: benchmarks/measure-page.sh <e-mail> <path> [base URL, default http://localhost:8080]
# The demo users' password is the README's. Used for the page tables of docs/benchmarks.md.
set -euo pipefail
email=$1
path=$2
base=${3:-http://localhost:8080}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$email" \
     --data-urlencode "password=demo-password-2026" --data-urlencode "_csrf=$csrf" "$base/login"
for _ in 1 2 3 4; do curl -s -o /dev/null -b "$jar" "$base$path"; done
for _ in $(seq 11); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$path"; done | sort -n | sed -n 6p
