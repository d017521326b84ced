#!/usr/bin/env python3
"""The asyncio tutorial's closing program, the one reddittop grew from, as the baseline of benchmarks/e2e.sh.

One aiohttp request per subreddit, all started at once under asyncio.gather on one ClientSession with an
unlimited connector, each block printed the moment its response has been read, in the tutorial's layout.
Only the server and the subreddits come from the command line instead of being written into the program:

    python3 tutorial_top.py http://127.0.0.1:PORT python:3 programming:4 asyncio:2 dailyprogrammer:1
"""
import asyncio
import datetime
import json
import sys

import aiohttp


async def get_json(client, url):
    async with client.get(url) as response:
        assert response.status == 200
        return await response.read()


async def get_reddit_top(subreddit, client, numposts):
    data = await get_json(client, BASE + '/r/' + subreddit + '/top.json?t=day&limit=' + str(numposts) + '&raw_json=1')

    print(f'\n/r/{subreddit}:')

    j = json.loads(data.decode('utf-8'))
    for i in j['data']['children']:
        score = i['data']['score']
        title = i['data']['title']
        link = i['data']['url']
        print('\t' + str(score) + ': ' + title + '\n\t\t(' + link + ')')


async def main(subreddits):
    print(datetime.datetime.now().strftime("%A, %B %d, %I:%M %p"))
    print('---------------------------')

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as client:
        await asyncio.gather(*(get_reddit_top(name, client, count) for name, count in subreddits))


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit('usage: tutorial_top.py BASE_URL NAME:COUNT...')
    BASE = sys.argv[1].rstrip('/')
    asyncio.run(main([(name, int(count)) for name, count in (arg.split(':') for arg in sys.argv[2:])]))
