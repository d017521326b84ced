#!/usr/bin/env python3
"""Helpers of benchmarks/e2e.sh: run a client against FakeReddit and measure it, then print the results table.

    e2e_measure.py check-listing URL NAME COUNT
        fails unless FakeReddit's listing of NAME has COUNT posts on one page
    e2e_measure.py check-output BLOCKS -- COMMAND...
        runs COMMAND once and fails unless its stdout holds BLOCKS subreddit blocks ('/r/NAME:' lines)
    e2e_measure.py runs --log LOG --requests K --runs N --out FILE -- COMMAND...
        runs COMMAND N times under GNU time (stdout to /dev/null) and writes, per run, the wall time, the peak
        RSS (time's %M), the CPU time (user + sys, %U + %S, of the command and its children) and, with --log, FakeReddit's busy span: from the first 'Request starting' to the last
        'Request finished' line the run added to LOG (FakeReddit --log with timestamps), once K requests have
        finished; also the time from the start to the first request and from the last response to the exit
    e2e_measure.py table DIR PROGRAM...
        prints the Markdown tables of the medians, ratios and targets from the files e2e.sh wrote to DIR, one row per
        case and PROGRAM (python, curl, reddittop, core; core only if e2e.sh measured an older build)
"""
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request

# '2026-11-27T16:13:13.419899 info: Microsoft.AspNetCore.Hosting.Diagnostics[1] Request starting HTTP/1.1 GET ...'
LOG_LINE = re.compile(r'^(\S+) info: Microsoft\.AspNetCore\.Hosting\.Diagnostics\[\d+\] Request (starting|finished) ')


def check_listing(url, name, count):
    with urllib.request.urlopen(f'{url}/r/{name}/top.json?t=day&limit={count}&raw_json=1') as response:
        posts = len(json.load(response)['data']['children'])
    if posts != int(count):
        sys.exit(f'e2e: FakeReddit lists {posts} posts for {name}, the benchmark needs {count}')


def check_output(blocks, command):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    found = sum(1 for line in result.stdout.decode('utf-8').splitlines() if re.fullmatch(r'/r/\w+:', line))
    if result.returncode != 0 or found != int(blocks):
        sys.stderr.write(result.stderr.decode('utf-8', 'replace'))
        sys.exit(f'e2e: {command[0]} exited {result.returncode} with {found} of {blocks} blocks')


def server_times(log, offset, requests):
    """When the first request logged after OFFSET in LOG was received and the last response was sent (Unix time)."""
    deadline = time.monotonic() + 10
    while True:
        with open(log, 'rb') as f:
            f.seek(offset)
            lines = f.read().decode('utf-8', 'replace').splitlines()
        events = [m.groups() for m in map(LOG_LINE.match, lines) if m]
        started = [t for t, kind in events if kind == 'starting']
        finished = [t for t, kind in events if kind == 'finished']
        if len(finished) >= requests:  # the logger writes from a queue, a moment after the response
            break
        if time.monotonic() > deadline:
            sys.exit(f'e2e: FakeReddit logged {len(finished)} of {requests} finished requests')
        time.sleep(0.05)

    def unix(stamp):  # FakeReddit stamps in UTC
        return datetime.datetime.fromisoformat(stamp).replace(tzinfo=datetime.timezone.utc).timestamp()

    return unix(min(started)), unix(max(finished))


def runs(log, requests, count, out, command):
    results = []
    rss_file = out + '.rss'
    for _ in range(count):
        offset = os.path.getsize(log) if log else 0
        # GNU time reports the peak RSS of the command alone; ru_maxrss of a child forked from this process would
        # also count this interpreter's pages from before the exec.
        started = time.time()
        subprocess.run(['/usr/bin/time', '-f', '%M %U %S', '-o', rss_file, *command], stdout=subprocess.DEVNULL, check=True)
        ended = time.time()
        with open(rss_file, encoding='utf-8') as f:
            rss_kb, user_s, sys_s = f.read().split()[-3:]
        result = {'wall_s': ended - started, 'rss_kb': int(rss_kb), 'cpu_s': float(user_s) + float(sys_s)}
        if log:
            first, last = server_times(log, offset, requests)
            result.update(span_s=last - first, lead_s=first - started, tail_s=ended - last)
        results.append(result)
    os.remove(rss_file)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(results, f, indent=1)


NAMES = {'python': 'tutorial_top.py', 'curl': 'curl -Z, jq', 'reddittop': 'reddittop', 'core': 'reddittop (core)'}


def table(directory, programs):
    def hyperfine(name):
        with open(os.path.join(directory, name + '.json'), encoding='utf-8') as f:
            results = json.load(f)['results']
        return {r['command']: r['median'] for r in results}

    def measured(name):
        with open(os.path.join(directory, name + '.runs.json'), encoding='utf-8') as f:
            return json.load(f)

    def med(values):
        return statistics.median(values)

    def ms(seconds):
        return f'{seconds * 1000:.0f} ms' if seconds >= 0.1 else f'{seconds * 1000:.1f} ms'

    def mb(kb):
        return f'{kb / 1024:.1f} MB'

    cases = (('case1', '1. 4 subreddits, 200 ms'), ('case2', '2. 200 × 100 posts, 20 ms'),
             ('case3', '3. 1,000 × 25 posts, 20 ms'))
    wall, cpu, rss = {}, {}, {}
    rows = [
        '| case | program | wall | CPU (user + sys) | peak RSS | start → first request | last response → exit | wall / server busy span |',
        '|---|---|---:|---:|---:|---:|---:|---:|',
    ]
    for case, title in cases:
        walls = hyperfine(case)
        for i, program in enumerate(programs):
            runs_ = measured(f'{case}-{program}')
            wall[case, program] = walls[NAMES[program]]
            cpu[case, program] = med([r['cpu_s'] for r in runs_])
            rss[case, program] = med([r['rss_kb'] for r in runs_])
            rows.append(f'| {title if i == 0 else ""} | {NAMES[program]} | {ms(wall[case, program])} | '
                        f'{ms(cpu[case, program])} | {mb(rss[case, program])} | {ms(med([r["lead_s"] for r in runs_]))} | '
                        f'{ms(med([r["tail_s"] for r in runs_]))} | {med([r["wall_s"] / r["span_s"] for r in runs_]):.2f}× |')
    walls = hyperfine('case4')
    for i, program in enumerate(p for p in programs if p != 'curl'):
        runs_ = measured(f'case4-{program}')
        wall['case4', program] = walls[NAMES[program]]
        command = '`import aiohttp`' if program == 'python' else '`--version`'
        rows.append(f'| {"4. start-up" if i == 0 else ""} | {NAMES[program]}: {command} | {ms(wall["case4", program])} | '
                    f'{ms(med([r["cpu_s"] for r in runs_]))} | {mb(med([r["rss_kb"] for r in runs_]))} | | | |')
    print('\n'.join(rows))
    print()

    targets = [
        '| target | case | measured | limit | |',
        '|---|---|---:|---:|---|',
    ]

    def target(what, case, ratio, limit):
        targets.append(f'| {what} | {case} | {ratio:.2f}× | ≤ {limit}× | {"met" if ratio <= limit else "**missed**"} |')

    if 'core' in programs:
        for case, title in cases[1:]:
            target('CPU, reddittop / core', title, cpu[case, 'reddittop'] / cpu[case, 'core'], 1.0)
            target('peak RSS, reddittop / core', title, rss[case, 'reddittop'] / rss[case, 'core'], 1.0)
    for case, title in cases[1:]:
        target('CPU, reddittop / Python', title, cpu[case, 'reddittop'] / cpu[case, 'python'], 0.3)
        target('wall, reddittop / Python', title, wall[case, 'reddittop'] / wall[case, 'python'], 0.4)
        target('peak RSS, reddittop / Python', title, rss[case, 'reddittop'] / rss[case, 'python'], 0.8)
    if 'curl' in programs:
        target('peak RSS, reddittop / curl -Z, jq (stretch)', cases[1][1], rss['case2', 'reddittop'] / rss['case2', 'curl'], 1.0)
    if 'core' in programs:
        target('`--version` wall, reddittop / core', '4. start-up', wall['case4', 'reddittop'] / wall['case4', 'core'], 1.0)
    target('wall / the 200 ms every response waits', cases[0][1], wall['case1', 'reddittop'] / 0.2, 1.05)
    print('\n'.join(targets))


def main(argv):
    if argv[:1] == ['check-listing'] and len(argv) == 4:
        check_listing(*argv[1:])
    elif argv[:1] == ['check-output'] and len(argv) > 3 and argv[2] == '--':
        check_output(argv[1], argv[3:])
    elif argv[:1] == ['runs'] and '--' in argv:
        split = argv.index('--')
        options = dict(zip(argv[1:split:2], argv[2:split:2]))
        runs(options.get('--log'), int(options.get('--requests', 0)), int(options['--runs']), options['--out'], argv[split + 1:])
    elif argv[:1] == ['table'] and len(argv) >= 3:
        table(argv[1], argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
