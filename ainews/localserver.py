"""A threaded HTTP server on 127.0.0.1 in a background thread: the demo newsroom, the
test fixture site and the benchmark site all serve through it.

`python -m http.server`'s listen backlog of 5 stalls under concurrent crawling, so the
queue is large and handler threads never keep the process alive.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


def serve_locally(
    handler: type[BaseHTTPRequestHandler], preferred_port: int = 0
) -> tuple[ThreadingHTTPServer, str]:
    """Start serving ``handler``; returns the server and its base URL. A preferred port
    that is taken falls back to any free port."""
    try:
        server = _Server(("127.0.0.1", preferred_port), handler)
    except OSError:
        if not preferred_port:
            raise
        server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def stop(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()
