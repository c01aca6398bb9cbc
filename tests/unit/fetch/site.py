#!/usr/bin/env python3
"""A news site on 127.0.0.1 for the CLI fetch tests (never the internet).

    python3 site.py ROOT TLS_DIR

serves the files of ROOT, read again on every request, so a test changes
a page by editing its file. GET /NAME answers ROOT/NAME as text/html
with an ETag (its SHA-256), and 304 to a matching If-None-Match. A file
ROOT/NAME.fault makes /NAME misbehave instead, by its first line:

    status N        answer HTTP status N
    slow S          wait S seconds, then answer
    truncated       announce 1000 bytes, send 100, close
    loop            redirect to itself
    redirect URL    redirect to URL
    big             a 9 MiB body (the limit is 8 MiB)

It listens on two ephemeral ports, plain HTTP and HTTPS (with the
self-signed TLS_DIR/cert.pem, which the fetcher must refuse), and prints
"HTTP_PORT HTTPS_PORT" once both accept connections.
"""
import hashlib
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT, TLS = sys.argv[1], sys.argv[2]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def fault(self, spec):
        word, _, arg = spec.strip().partition(" ")
        if word == "status":
            self.send(int(arg), b"<h1>fault</h1>")
        elif word == "slow":
            time.sleep(float(arg))
            self.send(200, b"<p>too late</p>")
        elif word == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<p>" + b"x" * 97)
            self.wfile.flush()
            self.close_connection = True
        elif word == "loop":
            self.send(302, b"", [("Location", self.path)])
        elif word == "redirect":
            self.send(302, b"", [("Location", arg)])
        elif word == "big":
            self.send(200, b"x" * (9 << 20))
        else:
            self.send(500, b"unknown fault")

    def do_GET(self):
        name = self.path.lstrip("/")
        path = os.path.join(ROOT, name)
        if "/" in name or not name:
            self.send(404)
            return
        if os.path.exists(path + ".fault"):
            with open(path + ".fault") as f:
                self.fault(f.readline())
            return
        if not os.path.isfile(path):
            self.send(404, b"<h1>Not here</h1>")
            return
        with open(path, "rb") as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha256(body).hexdigest()
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send(200, body, [("ETag", etag)])


def main():
    http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    http.daemon_threads = True
    https = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    https.daemon_threads = True
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.path.join(TLS, "cert.pem"),
                        os.path.join(TLS, "key.pem"))
    https.socket = ctx.wrap_socket(https.socket, server_side=True)
    threading.Thread(target=https.serve_forever, daemon=True).start()
    print("%d %d" % (http.server_address[1], https.server_address[1]),
          flush=True)
    http.serve_forever()


if __name__ == "__main__":
    main()
