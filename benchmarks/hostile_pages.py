# A server whose every listing page is about 15 MB, for benchmarks/memory-probe.sh. The subreddit name picks the
# page: big* (one post with a 15 MB title), wide* (100 posts with 150 KB titles), anything else (1,000 posts with 15 KB
# titles). usage: python3 hostile_pages.py PORT
import http.server, json, sys, re, socketserver
SIZE = 15 * 1000 * 1000
cache = {}
def page(shape):
    if shape in cache: return cache[shape]
    if shape == 'big': n, tl = 1, SIZE - 500
    elif shape == 'wide': n, tl = 100, SIZE // 100 - 400
    else: n, tl = 1000, SIZE // 1000 - 400
    children = [{"kind": "t3", "data": {"title": "x" * tl, "score": i, "url": "https://example.com/%d" % i, "id": "id%d" % i, "permalink": "/r/a/comments/%d/" % i}} for i in range(n)]
    body = json.dumps({"kind": "Listing", "data": {"after": None, "children": children}}).encode()
    cache[shape] = body
    return body
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        m = re.match(r'/r/([a-z]+)', self.path)
        name = m.group(1) if m else 'big'
        body = page('big' if name.startswith('big') else 'wide' if name.startswith('wide') else 'many')
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a): pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
