#!/usr/bin/env bash
# A minimal HTTP service for the example: serves the files beside it on 127.0.0.1:$PORT, and
# /health with 200 (python3's plain http.server would answer it with a redirect to /health/).
set -euo pipefail
PORT="${PORT:-${PIPEWRIGHT_INSTANCE_PORT:-8080}}"
cd "$(dirname "$0")"
exec python3 - "$PORT" <<'PY'
import http.server, os, sys, threading, time

class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.split("?")[0] in ("/health", "/health/"):
            body = b"ok\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self):
        # Every answer is fresh: a new revision must show at once behind the router.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass

def exit_when_removed(folder):
    # A sandbox instance whose folder is deleted (a test's temporary workspace) is gone: so
    # is its service.
    while os.path.isdir(folder):
        time.sleep(1)
    os._exit(0)

threading.Thread(target=exit_when_removed, args=(os.getcwd(),), daemon=True).start()
http.server.ThreadingHTTPServer.allow_reuse_address = True
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
