#!/usr/bin/env python3
"""Helpers of benchmarks/e2e.sh: run a client against FakeReddit and measure it, then print the results table.

    e2e_measure.py check-listing URL NAME COUNT
        fails unless FakeReddit's listing of NAME has COUNT posts on one page
    e2e_measure.py check-output BLOCKS -- COMMAND...
        runs COMMAND once and fails unless its stdout holds BLOCKS subreddit blocks ('/r/NAME:' lines)
    e2e_measure.py runs --log LOG --requests K --runs N --out FILE -- COMMAND...
        runs COMMAND N times under GNU time (stdout to /dev/null) and writes, per run, the wall time, the peak
        RSS (time's %M) and, with --log, FakeReddit's busy span: from the first 'Request starting' to the last
        'Request finished' line the run added to LOG (FakeReddit --log with timestamps), once K requests have
        finished; also the time from the start to the first request and from the last response to the exit
    e2e_measure.py table DIR
        prints the Markdown table of the medians, ratios and targets from the files e2e.sh wrote to DIR
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
        subprocess.run(['/usr/bin/time', '-f', '%M', '-o', rss_file, *command], stdout=subprocess.DEVNULL, check=True)
        ended = time.time()
        with open(rss_file, encoding='utf-8') as f:
            rss_kb = int(f.read().split()[-1])
        result = {'wall_s': ended - started, 'rss_kb': rss_kb}
        if log:
            first, last = server_times(log, offset, requests)
            result.update(span_s=last - first, lead_s=first - started, tail_s=ended - last)
        results.append(result)
    os.remove(rss_file)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(results, f, indent=1)


def table(directory):
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

    def row(case, metric, python, reddittop, ratio, target, limit):
        met = 'met' if ratio <= limit else '**missed**'
        return f'| {case} | {metric} | {python} | {reddittop} | {ratio:.2f}× | {target} | {met} |'

    def info(case, metric, python, reddittop):
        return f'| {case} | {metric} | {python} | {reddittop} | | | |'

    def phases(case):
        py_runs, rt_runs = measured(case + '-python'), measured(case + '-reddittop')
        return (ms(med([r['lead_s'] for r in py_runs])) + ' / ' + ms(med([r['tail_s'] for r in py_runs])),
                ms(med([r['lead_s'] for r in rt_runs])) + ' / ' + ms(med([r['tail_s'] for r in rt_runs])))

    def spans(case):
        py_runs, rt_runs = measured(case + '-python'), measured(case + '-reddittop')
        return (py_runs, rt_runs, med([r['span_s'] for r in py_runs]), med([r['span_s'] for r in rt_runs]),
                med([r['wall_s'] / r['span_s'] for r in py_runs]), med([r['wall_s'] / r['span_s'] for r in rt_runs]))

    rows = [
        '| case | measure | tutorial_top.py | reddittop | ratio | target | |',
        '|---|---|---:|---:|---:|---|---|',
    ]

    walls = hyperfine('case1')
    py, rt = walls['tutorial_top.py'], walls['reddittop']
    rows.append(row('1. 4 subreddits, 200 ms', 'wall', ms(py), ms(rt), rt / py, '≤ 0.6× Python', 0.6))
    rows.append(row('', 'wall / 200 ms latency', f'{py / 0.2:.2f}×', f'{rt / 0.2:.2f}×', rt / 0.2, '≤ 1.05×', 1.05))
    _, _, py_span, rt_span, py_ratio, rt_ratio = spans('case1')
    rows.append(info('', 'server busy span', ms(py_span), ms(rt_span)))
    rows.append(info('', 'wall / busy span (same run)', f'{py_ratio:.2f}×', f'{rt_ratio:.2f}×'))
    rows.append(info('', 'start → first request / last response → exit', *phases('case1')))

    for case, title in (('case2', '2. 200 × 100 posts, 20 ms'), ('case3', '3. 1,000 × 25 posts, 20 ms')):
        walls = hyperfine(case)
        py, rt = walls['tutorial_top.py'], walls['reddittop']
        py_runs, rt_runs, py_span, rt_span, py_ratio, rt_ratio = spans(case)
        rows.append(row(title, 'wall', ms(py), ms(rt), rt / py, '≤ 0.5× Python', 0.5))
        rows.append(info('', 'server busy span', ms(py_span), ms(rt_span)))
        rows.append(row('', 'wall / busy span (same run)', f'{py_ratio:.2f}×', f'{rt_ratio:.2f}×', rt_ratio, '≤ 1.15×', 1.15))
        rows.append(info('', 'start → first request / last response → exit', *phases(case)))
        py_rss = med([r['rss_kb'] for r in py_runs])
        rt_rss = med([r['rss_kb'] for r in rt_runs])
        rows.append(row('', 'peak RSS', mb(py_rss), mb(rt_rss), rt_rss / py_rss, '≤ 1× Python', 1.0))

    walls = hyperfine('case4')
    py, rt = walls['import aiohttp'], walls['reddittop --version']
    rows.append(row('4. start-up', 'wall: `import aiohttp` / `--version`', ms(py), ms(rt), rt / py, '≤ 0.05× Python', 0.05))
    py_rss = med([r['rss_kb'] for r in measured('case4-python')])
    rt_rss = med([r['rss_kb'] for r in measured('case4-reddittop')])
    rows.append(info('', 'peak RSS', mb(py_rss), mb(rt_rss)))
    print('\n'.join(rows))


def main(argv):
    if argv[:1] == ['check-listing'] and len(argv) == 4:
        check_listing(*argv[1:])
    elif argv[:1] == ['check-output'] and len(argv) > 3 and argv[2] == '--':
        check_output(argv[1], argv[3:])
    elif argv[:1] == ['runs'] and '--' in argv:
        split = argv.index('--')
        options = dict(zip(argv[1:split:2], argv[2:split:2]))
        runs(options.get('--log'), int(options.get('--requests', 0)), int(options['--runs']), options['--out'], argv[split + 1:])
    elif argv[:1] == ['table'] and len(argv) == 2:
        table(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
