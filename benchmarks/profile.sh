#!/usr/bin/env bash
# Where reddittop's CPU goes: perf record (call graphs, 5 kHz) of the NativeAOT binary fetching 200 subreddits x 100
# posts (-j 1000, if the build has -j) from FakeReddit on 127.0.0.1 with 20 ms latency, RUNS times in a row, then the entries with the most
# samples, inclusive (with what they call) and self. NativeAOT keeps its symbols in reddittop.dbg, which perf reads.
#
#   benchmarks/profile.sh                        the working tree's reddittop
#   REDDITTOP=path/to/reddittop benchmarks/profile.sh   another build (e.g. an older commit's, as e2e.sh BASELINE)
#   RUNS=5 PROFILE_OUT=dir benchmarks/profile.sh     keep perf.data and the reports in dir
#
# Needs perf (linux-perf) and the .NET SDK; run as root or with kernel.perf_event_paranoid <= 1.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
work=$(mktemp -d)
out=${PROFILE_OUT:-$work}
mkdir -p "$out"
fake_pid=
cleanup() {
  [[ -n $fake_pid ]] && kill "$fake_pid" 2> /dev/null && wait "$fake_pid" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache

reddittop=${REDDITTOP:-}
if [[ -z $reddittop ]]; then
  dotnet publish src/RedditTop -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -nologo -v quiet > /dev/null
  reddittop=$work/aot/reddittop
fi
dotnet build samples/FakeReddit -c Release -nologo -v quiet > /dev/null
env Logging__LogLevel__Default=Warning dotnet artifacts/bin/FakeReddit/release/FakeReddit.dll \
  --url-file "$work/url" --any-name --latency '*=20' > "$work/fake.log" 2>&1 &
fake_pid=$!
for _ in $(seq 300); do [[ -s $work/url ]] && break; sleep 0.1; done
url=$(cat "$work/url")

args=()
for i in $(seq -f %04g 1 200); do args+=("sub$i:100"); done
jobs='-j 1000'
"$reddittop" $jobs --base-url "$url" python:1 > /dev/null 2>&1 || jobs= # an older build without -j has no limit
"$reddittop" $jobs --base-url "$url" "${args[@]}" > /dev/null # one run before measuring

export RUNS=$runs URL=$url JOBS=$jobs
# shellcheck disable=SC2016 # expanded by the inner shell
perf record -F 5000 -g -o "$out/perf.data" -- sh -c \
  'for i in $(seq "$RUNS"); do "$0" $JOBS --base-url "$URL" "$@" > /dev/null; done' "$reddittop" "${args[@]}" 2> /dev/null
report() { perf report -i "$out/perf.data" --sort sym -g none --stdio "$@" 2> /dev/null | grep -v '^#' | grep '%'; }
echo "## inclusive (the entry and what it calls), $runs runs"
report --children | sed -n 1,60p | cut -c 1-200 | tee "$out/inclusive.txt"
echo "## self"
report --no-children | sed -n 1,30p | cut -c 1-200 | tee "$out/self.txt"
