#!/usr/bin/env bash
# Runs reddittop offline against FakeReddit, a local Reddit-compatible server with varied latencies,
# so the order of the blocks changes from run to run, as in the tutorial.
#
#   ./demo.sh                      python:3 programming:4 asyncio:2 dailyprogrammer:1
#   ./demo.sh rust:2 askreddit:5   any subreddits FakeReddit knows (see samples/FakeReddit/README.md)
#   ./demo.sh --no-build ...       skip the build (e.g. under: watch -n 5 ./demo.sh --no-build)
set -euo pipefail
cd "$(dirname "$0")"

build=1
if [[ "${1:-}" == "--no-build" ]]; then
  build=0
  shift
fi
if [[ $# -eq 0 ]]; then
  set -- python:3 programming:4 asyncio:2 dailyprogrammer:1
fi

reddittop=artifacts/bin/RedditTop/release/reddittop.dll
fakereddit=artifacts/bin/FakeReddit/release/FakeReddit.dll
if [[ $build == 1 || ! -f $reddittop || ! -f $fakereddit ]]; then
  for project in src/RedditTop samples/FakeReddit; do
    if ! log=$(dotnet build "$project" -c Release -nologo -v quiet 2>&1); then
      printf '%s\n' "$log" >&2
      exit 1
    fi
  done
fi

work=$(mktemp -d)
fake_pid=
cleanup() {
  [[ -n $fake_pid ]] && kill "$fake_pid" 2>/dev/null && wait "$fake_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

latencies=()
for name in python programming asyncio dailyprogrammer rust golang csharp dotnet compsci learnprogramming askreddit all; do
  latencies+=(--latency "$name=50-1500")
done
dotnet "$fakereddit" --url-file "$work/url" "${latencies[@]}" > "$work/fake.log" 2>&1 &
fake_pid=$!

for _ in $(seq 300); do
  [[ -s $work/url ]] && break
  if ! kill -0 "$fake_pid" 2>/dev/null; then
    cat "$work/fake.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ ! -s $work/url ]]; then
  echo "demo: FakeReddit did not start" >&2
  exit 1
fi

status=0
dotnet "$reddittop" --base-url "$(cat "$work/url")" "$@" || status=$?
exit $status
