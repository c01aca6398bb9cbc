#!/usr/bin/env python3
"""Local HTTP(S) server for the fetch tests (never the internet).

    python3 server.py DATA_DIR

listens on 127.0.0.1 on two ephemeral ports, plain HTTP and HTTPS (with
DATA_DIR/tls/cert.pem), and prints "HTTP_PORT HTTPS_PORT" on one line
once both accept connections. It runs until it is killed.
"""
import gzip
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DATA = sys.argv[1]
ETAG = '"v1"'
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"

state = {"stealth": "A", "active": 0, "max_active": 0}
lock = threading.Lock()


def data(name):
    with open(os.path.join(DATA, name), "rb") as f:
        return f.read()


STEALTH = {
    "A": b"<html><body><p>The minister resigned on Monday, her office "
         b"said.</p></body></html>",
    "B": b"<html><body><p>The minister resigned on Tuesday, her office "
         b"said.</p></body></html>",
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # every response ends with the connection

    def log_message(self, *args):
        pass

    def send(self, code, body=b"", ctype="text/html; charset=utf-8",
             headers=(), length=True):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def redirect(self, to, code=302):
        self.send(code, b"moved", headers=[("Location", to)])

    def do_GET(self):
        p = self.path
        if p == "/ok":
            self.send(200, data("article.html"),
                      headers=[("ETag", ETAG),
                               ("Last-Modified", LAST_MODIFIED)])
        elif p == "/etag":
            if self.headers.get("If-None-Match") == ETAG:
                self.send(304, ctype=None, headers=[("ETag", ETAG)],
                          length=False)
            else:
                self.send(200, data("article.html"), headers=[("ETag", ETAG)])
        elif p == "/lastmod":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send(304, ctype=None, length=False)
            else:
                self.send(200, b"<p>dated</p>",
                          headers=[("Last-Modified", LAST_MODIFIED)])
        elif p == "/404":
            self.send(404, b"<h1>Not here</h1>")
        elif p == "/500":
            self.send(500, b"<h1>Broken</h1>")
        elif p.startswith("/chain/"):
            n = int(p[7:])
            if n > 0:
                self.redirect("/chain/%d" % (n - 1))
            else:
                self.send(200, b"<p>End of the chain.</p>")
        elif p == "/loop/a":
            self.redirect("/loop/b", 301)
        elif p == "/loop/b":
            self.redirect("http://127.0.0.1:%d/loop/a" % self.server.port)
        elif p.startswith("/long/"):
            self.redirect("/long/%d" % (int(p[6:]) + 1))
        elif p == "/file":
            self.redirect("file:///etc/passwd")
        elif p == "/slow":
            time.sleep(3)
            self.send(200, b"<p>too late</p>")
        elif p == "/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<p>" + b"x" * 97)
            self.wfile.flush()
            self.close_connection = True
        elif p == "/big":  # announced: refused before the body
            self.send(200, b"x" * (9 << 20))
        elif p == "/big-unannounced":  # no length: the write callback stops it
            self.send(200, b"x" * (9 << 20), length=False)
        elif p == "/gzip":
            self.send(200, gzip.compress(data("article.html")),
                      headers=[("Content-Encoding", "gzip")])
        elif p == "/gzip-bomb":  # 20 MiB of zeros in about 20 KiB
            self.send(200, gzip.compress(b"\0" * (20 << 20)),
                      headers=[("Content-Encoding", "gzip")])
        elif p == "/latin1":
            self.send(200, data("latin1.html"), ctype="text/html")
        elif p == "/latin1-meta":
            self.send(200, data("latin1_meta.html"), ctype="text/html")
        elif p == "/latin1-header":
            self.send(200, data("latin1.html"),
                      ctype="text/html; charset=ISO-8859-1")
        elif p == "/headers":
            body = "".join("%s: %s\n" % (k.lower(), v)
                           for k, v in self.headers.items())
            self.send(200, body.encode(), ctype="text/plain",
                      headers=[("Set-Cookie", "session=s3cret; Path=/")])
        elif p == "/set-cookie-then-headers":
            self.send(302, b"", headers=[("Set-Cookie", "id=1; Path=/"),
                                         ("Location", "/headers")])
        elif p.startswith("/stealth/set/"):
            state["stealth"] = p[len("/stealth/set/"):]
            self.send(200, b"set", ctype="text/plain")
        elif p == "/stealth":
            self.send(200, STEALTH[state["stealth"]])
        elif p == "/hold":
            with lock:
                state["active"] += 1
                state["max_active"] = max(state["max_active"],
                                          state["active"])
            time.sleep(0.3)
            with lock:
                state["active"] -= 1
            self.send(200, b"<p>held</p>")
        elif p == "/stats":
            self.send(200, ("max_active=%d" % state["max_active"]).encode(),
                      ctype="text/plain")
        elif p == "/progress":
            self.send(200, b"y" * (256 << 10), ctype="text/plain")
        else:
            self.send(404, b"")


def main():
    http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    http.daemon_threads = True
    http.port = http.server_address[1]
    https = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    https.daemon_threads = True
    https.port = https.server_address[1]
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.path.join(DATA, "tls", "cert.pem"),
                        os.path.join(DATA, "tls", "key.pem"))
    https.socket = ctx.wrap_socket(https.socket, server_side=True)
    threading.Thread(target=https.serve_forever, daemon=True).start()
    print("%d %d" % (http.port, https.port), flush=True)
    http.serve_forever()


if __name__ == "__main__":
    main()
