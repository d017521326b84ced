#!/usr/bin/env bash
# End-to-end benchmark: the NativeAOT reddittop against the asyncio tutorial's closing program
# (benchmarks/tutorial_top.py) and against what a shell user would write instead (benchmarks/curl_jq_top.sh: curl -Z
# and jq, the same text layout), all fetching from one FakeReddit on 127.0.0.1, and Markdown tables of the medians,
# the ratios and the targets at the end.
#
#   benchmarks/e2e.sh                    10 measured runs of each command per case
#   RUNS=3 benchmarks/e2e.sh             a quick look
#   RUNS=20 benchmarks/e2e.sh            more runs
#   BASELINE=b382ed9 benchmarks/e2e.sh   also an older commit's reddittop, the "core" row, built the same way from a
#                                        git worktree of it in a temporary folder, so what new code costs is measured
#                                        in the same run (BASELINE_BIN=path: an older binary already built)
#   E2E_RESULTS=dir benchmarks/e2e.sh    also keep hyperfine's JSON exports and the per-run measurements in dir
#
# Cases:
#   1. python:3 programming:4 asyncio:2 dailyprogrammer:1, every response 200 ms late: the wall time of each
#      program, and reddittop's against the 200 ms the server makes it wait.
#   2. 200 subreddits x 100 posts, 20 ms; 3. 1,000 subreddits x 25 posts, 20 ms: wall time and peak RSS of each,
#      and each one's wall time against the server's busy span in the same run (first request received to last
#      response sent, from FakeReddit's request log).
#   4. start-up: reddittop --version against python3 -c "import aiohttp" (and the peak RSS of each, for reference).
# Wall times are hyperfine medians (-N, 2 warm-up runs, the programs one after another in one run); CPU time (GNU
# time's user + sys, the program and its children), peak RSS (%M) and busy spans are medians of separate runs
# measured by benchmarks/e2e_measure.py, as are how long each program takes before its first request and after the
# last response. reddittop runs with -j 1000, or with its
# highest -j when it refuses 1000: the tutorial's connector has no limit.
# Needs the .NET SDK; installs python3-aiohttp, hyperfine, GNU time and, for NativeAOT, clang and zlib1g-dev with
# apt when they are missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-10}
python=/usr/bin/python3 # Debian's interpreter, the one python3-aiohttp is installed for

as_root() {
  if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi
}

missing=()
[[ -x $python ]] && "$python" -c 'import aiohttp' 2>/dev/null || missing+=(python3-aiohttp)
command -v hyperfine > /dev/null || missing+=(hyperfine)
command -v curl > /dev/null || missing+=(curl)
command -v jq > /dev/null || missing+=(jq)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v clang > /dev/null || command -v gcc > /dev/null || missing+=(clang)
dpkg -s zlib1g-dev > /dev/null 2>&1 || missing+=(zlib1g-dev)
if ((${#missing[@]})); then
  echo "e2e: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi

measure=("$python" benchmarks/e2e_measure.py)

work=$(mktemp -d)
# reddittop remembers the posts it has seen (and would cache a token): keep that out of the user's own state.
export XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache
fake_pid=
cleanup() {
  if [[ -d $work/base-src ]]; then
    git worktree remove --force "$work/base-src" 2> /dev/null || true
  fi
  if [[ -n $fake_pid ]]; then
    kill "$fake_pid" 2> /dev/null || true
    wait "$fake_pid" 2> /dev/null || true
  fi
  if [[ -n ${E2E_RESULTS:-} ]]; then
    mkdir -p "$E2E_RESULTS"
    cp "$work"/*.json "$E2E_RESULTS"/ 2> /dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

quiet() {
  local log
  if ! log=$("$@" 2>&1); then
    printf '%s\n' "$log" >&2
    exit 1
  fi
}

echo "e2e: publishing the NativeAOT reddittop and building FakeReddit" >&2
quiet dotnet publish src/RedditTop -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -nologo -v quiet
quiet dotnet build samples/FakeReddit -c Release -nologo -v quiet
reddittop=$work/aot/reddittop
fakereddit=artifacts/bin/FakeReddit/release/FakeReddit.dll
programs=(python curl reddittop)
core=
if [[ -n ${BASELINE_BIN:-} ]]; then
  core=$BASELINE_BIN
elif [[ -n ${BASELINE:-} ]]; then
  echo "e2e: publishing the NativeAOT reddittop of $BASELINE, the core" >&2
  quiet git worktree add --detach "$work/base-src" "$BASELINE"
  (cd "$work/base-src" && quiet dotnet publish src/RedditTop -c Release -r linux-x64 -p:PublishAot=true -o "$work/base" -nologo -v quiet)
  core=$work/base/reddittop
fi
[[ -n $core ]] && programs+=(core)

# One server for every case: the tutorial's four subreddits 200 ms late, every other name (sub0001...) 20 ms.
# --log with these settings writes two lines per request, 'Request starting' when it has been received and
# 'Request finished' when its response has been sent, each stamped to the microsecond; nothing else.
env 'Logging__LogLevel__Default=Warning' \
  'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information' \
  'Logging__Console__FormatterOptions__TimestampFormat=yyyy-MM-ddTHH:mm:ss.ffffff ' \
  'Logging__Console__FormatterOptions__UseUtcTimestamp=true' \
  dotnet "$fakereddit" --url-file "$work/url" --any-name --log --latency '*=20' \
  --latency python=200 --latency programming=200 --latency asyncio=200 --latency dailyprogrammer=200 \
  > "$work/fake.log" 2>&1 &
fake_pid=$!
for _ in $(seq 300); do
  [[ -s $work/url ]] && break
  if ! kill -0 "$fake_pid" 2> /dev/null; then
    cat "$work/fake.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ ! -s $work/url ]]; then
  echo "e2e: FakeReddit did not start" >&2
  exit 1
fi
url=$(cat "$work/url")
log=$work/fake.log

# Case 2 reads 100 posts per subreddit on one page: the generated listings must have that many.
"${measure[@]}" check-listing "$url" sub0001 100

# reddittop caps -j; ask for 1000 in flight (the tutorial's connector has no limit) and fall back to the cap. An older
# build without -j has no limit, and runs without it.
jobs_of() { # BINARY: the -j it runs with, empty for none
  local status=0
  "$1" -j 1000 --base-url "$url" python:1 > /dev/null 2> "$work/jobs.err" || status=$?
  if [[ $status == 2 ]] && grep -q "unknown option '-j'" "$work/jobs.err"; then
    echo "e2e: $1 has no -j (no limit): it runs without it" >&2
  elif [[ $status == 2 ]]; then
    local cap
    cap=$(sed -n 's/.*max-concurrency.* from 1 to \([0-9]*\).*/\1/p' "$work/jobs.err")
    echo "e2e: $(head -n 1 "$work/jobs.err"); $1 runs with -j ${cap:-64}" >&2
    echo "${cap:-64}"
  else
    echo 1000
  fi
}
jobs=$(jobs_of "$reddittop")
core_jobs=
[[ -n $core ]] && core_jobs=$(jobs_of "$core")

case1=(python:3 programming:4 asyncio:2 dailyprogrammer:1)
case2=()
case3=()
for i in $(seq -f %04g 1 1000); do
  ((10#$i <= 200)) && case2+=("sub$i:100")
  case3+=("sub$i:25")
done

cmd() { # PROGRAM ARGS...: the command line of one program
  local program=$1
  shift
  case $program in
    python) echo "$python benchmarks/tutorial_top.py $url $*" ;;
    curl) echo "benchmarks/curl_jq_top.sh $url $*" ;;
    reddittop) echo "$reddittop -j $jobs --base-url $url $*" ;;
    core) echo "$core ${core_jobs:+-j $core_jobs }--base-url $url $*" ;;
  esac
}
declare -A name=([python]=tutorial_top.py [curl]='curl -Z, jq' [reddittop]=reddittop [core]='reddittop (core)')

compare() { # NAME ARGS...: every program under hyperfine, one after another in one run
  local case=$1 commands=() program
  shift
  for program in "${programs[@]}"; do
    commands+=(-n "${name[$program]}" "$(cmd "$program" "$@")")
  done
  hyperfine -N --style basic --warmup 2 --runs "$runs" --export-json "$work/$case.json" "${commands[@]}"
}

measure_runs() { # NAME ARGS...: CPU time, peak RSS and the server's busy span, each program alone
  local case=$1 program
  shift
  for program in "${programs[@]}"; do
    # shellcheck disable=SC2046 # the commands are split into words on purpose
    "${measure[@]}" runs --log "$log" --requests $# --runs "$runs" --out "$work/$case-$program.runs.json" -- $(cmd "$program" "$@")
  done
}

check() { # ARGS...: every program prints one block per subreddit (and FakeReddit has generated every listing)
  local program
  for program in "${programs[@]}"; do
    # shellcheck disable=SC2046
    "${measure[@]}" check-output $# -- $(cmd "$program" "$@")
  done
}

load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
echo "## 1. the tutorial's four subreddits, 200 ms"
check "${case1[@]}"
compare case1 "${case1[@]}"
measure_runs case1 "${case1[@]}"
echo "## 2. 200 subreddits x 100 posts, 20 ms"
check "${case2[@]}"
compare case2 "${case2[@]}"
measure_runs case2 "${case2[@]}"
echo "## 3. 1,000 subreddits x 25 posts, 20 ms"
check "${case3[@]}"
compare case3 "${case3[@]}"
measure_runs case3 "${case3[@]}"
echo "## 4. start-up"
startup=(-n tutorial_top.py "$python -c 'import aiohttp'" -n reddittop "$reddittop --version")
[[ -n $core ]] && startup+=(-n 'reddittop (core)' "$core --version")
hyperfine -N --style basic --warmup 3 --runs $((runs * 3)) --export-json "$work/case4.json" "${startup[@]}"
"${measure[@]}" runs --runs "$runs" --out "$work/case4-python.runs.json" -- "$python" -c 'import aiohttp'
"${measure[@]}" runs --runs "$runs" --out "$work/case4-reddittop.runs.json" -- "$reddittop" --version
[[ -n $core ]] && "${measure[@]}" runs --runs "$runs" --out "$work/case4-core.runs.json" -- "$core" --version
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg)

echo
echo "Machine: $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -n 1)), $(uname -sr);" \
  ".NET SDK $(dotnet --version), $($python --version), aiohttp $($python -c 'import aiohttp; print(aiohttp.__version__)')," \
  "$(hyperfine --version); $(date -u '+%Y-%m-%d %H:%M UTC'); load average $load_before before, $load_after after;" \
  "reddittop -j $jobs${core:+, the core ${BASELINE:-$BASELINE_BIN}${core_jobs:+ -j $core_jobs}}; $runs runs per measure."
echo
"${measure[@]}" table "$work" "${programs[@]}"
