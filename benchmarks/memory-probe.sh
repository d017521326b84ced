#!/usr/bin/env bash
# Peak memory of reddittop when every subreddit answers a 15 MB page (docs/BENCHMARKS.md, "Memory against hostile pages").
# usage: benchmarks/memory-probe.sh [REDDITTOP_BINARY]   (default: a NativeAOT build published to /tmp/reddittop-aot)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-/tmp/reddittop-aot/reddittop}"
if [[ ! -x "$bin" ]]; then
  dotnet publish "$here/../src/RedditTop" -c Release -r linux-x64 -p:PublishAot=true -o /tmp/reddittop-aot >/dev/null
  bin=/tmp/reddittop-aot/reddittop
fi
port=18555
python3 "$here/hostile_pages.py" "$port" & server=$!
trap 'kill $server' EXIT
sleep 1
printf '%-6s %-9s %10s %8s\n' shape format peak_rss wall
for shape in big wide many; do
  subs=(); for i in $(seq 1 20); do subs+=("${shape}x$(echo "$i" | tr 0-9 a-j):100"); done
  for format in text json jsonl csv tsv markdown; do
    /usr/bin/time -f "%M %e" -o /tmp/memory-probe.time "$bin" --base-url "http://127.0.0.1:$port" -f "$format" "${subs[@]}" >/dev/null 2>/dev/null || true
    read -r kb wall < /tmp/memory-probe.time
    printf '%-6s %-9s %7d MB %7ss\n' "$shape" "$format" $((kb / 1024)) "$wall"
  done
done
