"""Helpers shared by the benchmarks: building the site and serving it as GitHub Pages does."""

import contextlib
import functools
import gzip
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def build(project: Path, site: Path, **env) -> float:
    """Seconds for one strict build, as the README's command runs it."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                             "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                            cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"The build of {project} failed:\n{result.stderr}")
    return elapsed


def median(values) -> float:
    return statistics.median(values)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser asks, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)


def serve(directory: Path, port: int = 0):
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextlib.contextmanager
def served_site(**env):
    """The shipped site, built for a local address and served from it: (its folder, address)."""
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        server = serve(site)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            build(PROJECT, site, SITE_URL=base, **env)
            yield site, base
        finally:
            server.shutdown()
