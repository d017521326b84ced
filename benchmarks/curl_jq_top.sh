#!/usr/bin/env bash
# What a shell user would write instead of reddittop, as the third program of benchmarks/e2e.sh: one curl fetching
# every listing at once (-Z, up to 1000 transfers in parallel, each to its own file), then one jq printing the
# tutorial's text layout, the same bytes as `reddittop -f text` for listings with nothing to clean:
#
#     benchmarks/curl_jq_top.sh http://127.0.0.1:PORT python:3 programming:4 asyncio:2 dailyprogrammer:1
#
# The bodies go to files rather than down one pipe: parallel transfers writing to one stdout interleave their chunks,
# and the block's heading is the name asked for, which a body does not carry. So the blocks come out, in argument
# order, once the last response is in: this program does not stream.
set -euo pipefail
if (($# < 2)); then
  echo 'usage: curl_jq_top.sh BASE_URL NAME:COUNT...' >&2
  exit 2
fi
base=${1%/}
shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/r"
files=()
for arg in "$@"; do
  name=${arg%%:*}
  files+=("$dir/r/$name")
  printf 'url = "%s/r/%s/top.json?t=day&limit=%s&raw_json=1"\noutput = "%s"\n' "$base" "$name" "${arg##*:}" "$dir/r/$name"
done > "$dir/config"

LC_ALL=C date '+%A, %B %d, %I:%M %p'
echo '---------------------------'
curl --silent --no-progress-meter --show-error --fail --parallel --parallel-immediate --parallel-max 1000 --config "$dir/config"
jq --raw-output '"\n/r/" + (input_filename | split("/") | last) + ":",
  if (.data.children | length) == 0 then "\t(no posts)"
  else .data.children[].data | "\t\(.score): \(.title)\n\t\t(\(.url))" end' "${files[@]}"
