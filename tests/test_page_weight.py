"""Bytes per page against the first round trip of a new connection: TCP's initial window of 10
segments carries about 14 KB (14,600 bytes). A page that runs no script fetches no more than the
window in all, its own text aside; and what the engine puts around any page's own text (the
style sheets it waits for, the header, menu, footer and care notice: its render-blocking bytes,
gzipped as GitHub Pages sends them, without its main content) stays within ENGINE_SHARE. Bytes do
not vary from run to run, so these are tests; tests/benchmarks/page_weight.py measures the same
in a browser.

Whole pages, text included, are the site's own matter: tests/site/test_page_weight_budget.py
holds this site's pages to the window."""

import gzip
import posixpath
import random
import re
from pathlib import Path
from urllib.parse import urlsplit

from conftest import FIRST_ROUND_TRIP, REDIRECT, all_page_paths, read_html

WINDOW = FIRST_ROUND_TRIP
# The most the engine's part of a page may weigh: within the window, with room for a menu that
# grows with the site. On 2026-11-27 the heaviest is an article's, 11.4 KB: the style sheets it
# waits for (7.4 KB with the dark scheme's) and its header, menu and footer. A limit, not the
# goal: the goal is the whole page, text included, in the window.
ENGINE_SHARE = 13_000
MAIN_CONTENT = re.compile(r'(<article\b[^>]*\bid="main-content"[^>]*>).*?(</article>)', re.DOTALL)
FETCHED = re.compile(r'<(?:link rel="(?:stylesheet|icon)" href|img\b[^>]*\bsrc)="(?P<href>[^"]+)"'
                     r'(?: media="(?P<media>[^"]+)")?')
BLOCKS_ON_SCREEN = (None, "all", "screen")
DARK = "(prefers-color-scheme: dark)"


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def page_file(site: Path, path: str) -> Path:
    return site / path.lstrip("/") if path.endswith(".html") else site / path.lstrip("/") / "index.html"


def weights(site: Path, path: str, without_content: bool = False, root: str = "/") -> dict:
    """{"blocking": HTML and the sheets in <head> that apply on screen, in the dark scheme (the
    heavier), "total": all it fetches as it loads, each file once}, gzipped; a sheet linked in
    <body> does not hold up the first paint (test_lean_styles.py has Chromium confirm it), and
    a lazily loaded image is fetched only when it is about to show (the QR code, when the share
    panel opens: test_browser.py confirms it).
    With `without_content`, the page's main content (and what it alone fetches) left out.
    `root` is the site's own path on its server ("/library/" for https://x.org/library/), which
    an address such as the "page not found" page's starts with."""
    file = page_file(site, path)
    html = file.read_text(encoding="utf-8")
    if without_content:
        html = MAIN_CONTENT.sub(r"\1\2", html)
    blocking = total = gzipped(html.encode())
    dark, fetched = 0, set()
    head_end = html.find("</head>") if "</head>" in html else len(html)
    for match in FETCHED.finditer(html):
        href = match["href"]
        tag = html[match.start():html.find(">", match.start()) + 1]
        if href.startswith("data:") or 'loading="lazy"' in tag:
            continue
        if href.startswith("/") and not href.startswith(root):
            continue  # another site's on the same server: not this site's weight
        target = site / href.split("#")[0][len(root):] if href.startswith("/") else \
            Path(posixpath.normpath(file.parent / href.split("#")[0]))
        size = gzipped(target.read_bytes())
        if target not in fetched:
            total += size
            fetched.add(target)
        if not match[0].startswith('<link rel="stylesheet"') or match.start() > head_end:
            continue
        if match["media"] in BLOCKS_ON_SCREEN:
            blocking += size
        elif match["media"] == DARK:
            dark += size
    # A reader whose system asks for the dark scheme waits for the dark sheet too.
    return {"blocking": blocking + dark, "total": total}


def measure_site(site: Path, without_content: bool = False) -> dict:
    """{path: {"blocking", "total", "scripts"}} for every page but redirect pages."""
    paths = [path for path in all_page_paths(site) if not read_html(site, path).select_one(REDIRECT)]
    root = site_root(site)
    return {path: {**weights(site, path, without_content, root),
                   "scripts": bool(read_html(site, path).select_one("script[src]"))}
            for path in paths}


def site_root(site: Path) -> str:
    """The site's own path on its server, from its home page's canonical address."""
    canonical = read_html(site, "/").select_one('link[rel="canonical"]')
    return urlsplit(canonical["href"]).path if canonical else "/"


def test_what_the_engine_puts_around_a_page_never_grows_past_its_limit(site):
    heavy = {path: row["blocking"] for path, row in measure_site(site, True).items()
             if row["blocking"] > ENGINE_SHARE}
    assert heavy == {}, ("Pages whose style sheets, header, menu and footer alone weigh more than "
                         f"{ENGINE_SHARE:,} bytes: {heavy}")


def test_a_page_that_runs_no_script_fetches_one_round_trip_its_own_text_aside(site):
    heavy = {path: row["total"] for path, row in measure_site(site, True).items()
             if not row["scripts"] and row["total"] > WINDOW}
    assert heavy == {}, f"Script-free pages that fetch more than {WINDOW:,} bytes: {heavy}"


def over_the_window(pages: dict, allowed: dict, what: str) -> list[str]:
    """What is wrong with each page's bytes, given a budget {path: bytes} for pages that may
    exceed the window but not grow."""
    problems = []
    for path, size in pages.items():
        limit = allowed.get(path)
        if limit is None and size > WINDOW:
            problems.append(f"{path}: {what} {size:,} bytes, over the 14 KB window ({WINDOW:,}). "
                            "Make it lighter, or record it in tests/site/page-weight-budget.yml "
                            "with its bytes and why.")
        elif limit is not None and size > limit:
            problems.append(f"{path}: {what} {size:,} bytes, more than the {limit:,} recorded in "
                            "tests/site/page-weight-budget.yml. Make it lighter again.")
        elif limit is not None and size <= WINDOW:
            problems.append(f"{path}: {what} {size:,} bytes, within the window now: take it out "
                            "of tests/site/page-weight-budget.yml, so it stays there.")
    problems += [f"{path}: listed in tests/site/page-weight-budget.yml, but the site has no such "
                 "page. Take it out." for path in set(allowed) - set(pages)]
    return problems


def test_the_weight_check_counts_every_sheet_the_page_waits_for(tmp_path):
    # Broken example: a page with a blocking sheet and a print sheet.
    (tmp_path / "page").mkdir()
    (tmp_path / "a.css").write_text("body{color:red}" * 50)
    (tmp_path / "p.css").write_text("body{color:blue}" * 500)
    html = ('<link rel="stylesheet" href="../a.css">\n'
            '<link rel="stylesheet" href="../p.css" media="print">\n<p>Hi</p>')
    (tmp_path / "page" / "index.html").write_text(html)
    measured = weights(tmp_path, "/page/")
    sheet, paper = gzipped(("body{color:red}" * 50).encode()), gzipped(("body{color:blue}" * 500).encode())
    assert measured["blocking"] == gzipped(html.encode()) + sheet
    assert measured["total"] == gzipped(html.encode()) + sheet + paper
    assert over_the_window({"/page/": WINDOW + 1}, {}, "renders after") != []
    assert over_the_window({"/page/": 900}, {"/page/": 800}, "renders after") != []
    assert over_the_window({"/page/": 900}, {"/page/": 20_000}, "renders after") != []
    assert over_the_window({"/page/": 900}, {}, "renders after") == []
    # The page's own text is left out when asked: random words do not compress away.
    words = " ".join(f"{random.Random(n).getrandbits(40):x}" for n in range(400))
    (tmp_path / "page" / "index.html").write_text(
        html.replace("<p>Hi</p>", f'<article id="main-content"><p>{words}</p></article>'))
    with_text = weights(tmp_path, "/page/")
    without = weights(tmp_path, "/page/", without_content=True)
    assert with_text["blocking"] - without["blocking"] > 2000
    # A dark-scheme sheet counts, since a reader in the dark scheme waits for it.
    (tmp_path / "d.css").write_text("body{color:white}" * 50)
    in_dark = html + '<link rel="stylesheet" href="../d.css" media="(prefers-color-scheme: dark)">'
    (tmp_path / "page" / "index.html").write_text(in_dark)
    dark = gzipped(("body{color:white}" * 50).encode())
    assert weights(tmp_path, "/page/")["blocking"] == gzipped(in_dark.encode()) + sheet + dark
    # A sheet linked at the end of <body> is fetched but holds up no paint; a file linked twice
    # is fetched once.
    (tmp_path / "l.css").write_text("body{margin:0}" * 80)
    later = gzipped(("body{margin:0}" * 80).encode())
    split = ('<html><head><link rel="stylesheet" href="../a.css"></head><body><p>Hi</p>\n'
             '<link rel="stylesheet" href="../l.css">\n<link rel="stylesheet" href="../l.css">'
             '</body></html>')
    (tmp_path / "page" / "index.html").write_text(split)
    assert weights(tmp_path, "/page/") == {"blocking": gzipped(split.encode()) + sheet,
                                           "total": gzipped(split.encode()) + sheet + later}
    # A site served from a folder of its server ("/library/") links its files from there.
    library = split.replace('href="../a.css"', 'href="/library/a.css"')
    (tmp_path / "page" / "index.html").write_text(library)
    assert weights(tmp_path, "/page/", root="/library/")["blocking"] == \
        gzipped(library.encode()) + sheet
    # An image counts as it loads, unless it loads lazily.
    (tmp_path / "q.svg").write_text("<svg>" + "<path/>" * 90 + "</svg>")
    image = gzipped(("<svg>" + "<path/>" * 90 + "</svg>").encode())
    for loading, counted in (("", image), (' loading="lazy"', 0)):
        with_image = split.replace("<p>Hi</p>", f'<img src="../q.svg" alt="x"{loading}>')
        (tmp_path / "page" / "index.html").write_text(with_image)
        assert weights(tmp_path, "/page/") == {
            "blocking": gzipped(with_image.encode()) + sheet,
            "total": gzipped(with_image.encode()) + sheet + later + counted}, loading
