"""Serves the brand's test pages: /landing and /consent, whatever the query string."""
import http.server
import sys

root = sys.argv[2]


class Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        name = self.path.split("?")[0].strip("/")
        if name not in ("landing", "consent"):
            self.send_error(404)
            return
        try:
            with open(f"{root}/{name}.html", "rb") as page:
                body = page.read()
        except OSError:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Pages).serve_forever()
