"""What a reader sees first, while the rest of a page's HTML has not come: a page served with
only the start of its HTML, as on a connection whose first round trip has come and the rest not
yet, and a screenshot of its first screen. Used by tests/site/test_page_weight_budget.py and
tests/benchmarks/page_weight.py."""

import functools
import gzip
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

from test_page_weight import page_file


def within(html: bytes, budget: int) -> bytes:
    """The longest start of `html` that gzips to at most `budget` bytes: what a reader has of it
    when that many bytes have come."""
    shortest, longest = 0, len(html)
    while shortest < longest:
        middle = (shortest + longest + 1) // 2
        if len(gzip.compress(html[:middle], 9)) <= budget:
            shortest = middle
        else:
            longest = middle - 1
    return html[:shortest]


def first_screen(browser, base: str, path: str, scheme: str, size: tuple[int, int],
                 held: bool = False) -> bytes:
    """A screenshot of what the reader sees first, before any script has run; with `held`, while
    the rest of the page's HTML has not come."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  color_scheme=scheme)
    page = context.new_page()
    page.route("**/*.js", lambda route: route.abort())  # the first paint, before scripts
    try:
        page.goto(base + path, wait_until="commit" if held else "load")
        for _ in range(100):
            if page.evaluate("performance.getEntriesByName('first-contentful-paint').length"):
                break
            page.wait_for_timeout(100)
        page.wait_for_timeout(300)  # what came with the first paint is laid out and painted
        if held:
            assert page.evaluate("document.readyState") == "loading", "the page was not held back"
        return page.screenshot()
    finally:
        context.close()


@contextmanager
def holding_back(site: Path):
    """The site served on localhost; a page whose path is a key of the yielded dict gets only the
    bytes given there, and then waits, as on a connection whose first round trip has come."""
    hold, done = {}, threading.Event()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path not in hold:
                return super().do_GET()
            arrived = hold[self.path]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page_file(site, self.path).read_bytes())))
            self.end_headers()
            self.wfile.write(arrived)
            self.wfile.flush()
            done.wait(60)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hold
    finally:
        done.set()
        server.shutdown()


def bytes_for_first_screen(browser, base: str, hold: dict, site: Path, path: str,
                           step: int = 50) -> int:
    """The fewest gzipped bytes of the page's HTML (to `step`) with which its first screen, light
    scheme, at every size of conftest's EVERY_PAGE_SCREENS, is whole; `base` and `hold` from
    holding_back(site)."""
    from conftest import EVERY_PAGE_SCREENS

    html = page_file(site, path).read_bytes()
    wholes = [first_screen(browser, base, path, "light", size) for size in EVERY_PAGE_SCREENS]
    enough, too_few = len(gzip.compress(html, 9)), 0
    while enough - too_few > step:
        middle = (enough + too_few) // 2
        hold[path] = within(html, middle)
        held = [first_screen(browser, base, path, "light", size, held=True)
                for size in EVERY_PAGE_SCREENS]
        hold.pop(path)
        enough, too_few = (middle, too_few) if held == wholes else (enough, middle)
    return enough
