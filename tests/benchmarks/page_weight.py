"""Bytes per page, against the first round trip of a new connection: TCP's initial window of 10
segments carries about 14 KB (14,600 bytes), so a page whose render-blocking bytes fit in it
can paint after one round trip.

For every page of the shipped site, served gzip-compressed as GitHub Pages serves it, in
headless Chromium (light scheme, 1280 by 720), it prints:

- render-blocking bytes: the HTML and every style sheet that Chromium reports held up the page's
  first paint (Resource Timing's renderBlockingStatus: a sheet whose media the screen does not
  match, such as print or a dark scheme, and one linked in <body> do not), gzipped;
- everything the page fetches until the network is quiet, and how much of it is script;
- whether the page fetched search files (the index or the search worker) before the reader
  opened search;
- for a page whose render-blocking bytes are more than the window: how many of its HTML's
  gzipped bytes its first screen needs (at 320 by 640 and 1280 by 720, light scheme, before
  scripts), found by serving the page's HTML cut short and holding the rest back, as a first
  round trip does, and comparing screenshots with the whole page's.

Bytes do not vary from run to run, so each number is also a ratio to the 14 KB window.
"""

import os
import shutil
import sys

from common import PROJECT, served_site

sys.path.insert(0, str(PROJECT / "tests"))
from conftest import (CHROMIUM_ARGS, FIRST_ROUND_TRIP, REDIRECT, SEARCH_FILES,  # noqa: E402
                      all_page_paths, read_html)
from first_screen import bytes_for_first_screen, holding_back  # noqa: E402

WINDOW = FIRST_ROUND_TRIP


def measure(page, base: str, path: str) -> dict:
    fetched = []
    page.on("response", lambda response: fetched.append(response))
    page.goto(base + path.lstrip("/"), wait_until="networkidle")
    sizes = {}
    for response in fetched:
        length = response.headers.get("content-length")
        sizes[response.url] = (int(length) if length else len(response.body()),
                               response.request.resource_type)
    document = fetched[0].url if fetched else base + path.lstrip("/")
    blocking_sheets = page.evaluate(
        "() => performance.getEntriesByType('resource')"
        ".filter(entry => entry.renderBlockingStatus === 'blocking').map(entry => entry.name)")
    html = sizes.get(document, (0, ""))[0]
    css = sum(sizes.get(sheet, (0, ""))[0] for sheet in blocking_sheets)
    return {
        "html": html,
        "css": css,
        "blocking": html + css,
        "total": sum(size for size, _ in sizes.values()),
        "script": sum(size for size, kind in sizes.values() if kind == "script"),
        "search": any(any(name in url for name in SEARCH_FILES) for url in sizes),
    }


def main():
    from playwright.sync_api import sync_playwright

    chrome = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    with served_site(SITE_HANDOUTS="skip") as (site, base):
        # A redirect page moves on at once; the page it leads to is measured on its own.
        paths = [path for path in all_page_paths(site)
                 if not read_html(site, path).select_one(REDIRECT)]
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chrome, args=CHROMIUM_ARGS)
            for path in paths:
                context = browser.new_context(viewport={"width": 1280, "height": 720})
                rows.append((path, measure(context.new_page(), base, path)))
                context.close()
            with holding_back(site) as (held_base, hold):
                first_screens = {path: bytes_for_first_screen(browser, held_base, hold, site, path)
                                 for path, row in rows if row["blocking"] > WINDOW}
            browser.close()

    print("| page | HTML KB | blocking CSS KB | render-blocking KB | × 14 KB window | "
          "all fetched KB | script KB | search files before search |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for path, row in rows:
        print(f"| {path} | {row['html'] / 1000:.1f} | {row['css'] / 1000:.1f} | "
              f"{row['blocking'] / 1000:.1f} | {row['blocking'] / WINDOW:.2f} | "
              f"{row['total'] / 1000:.1f} | {row['script'] / 1000:.1f} | "
              f"{'yes' if row['search'] else 'no'} |")
    within = [path for path, row in rows if row["blocking"] <= WINDOW]
    scriptless = [(path, row) for path, row in rows if row["script"] == 0]
    print(f"\nPages whose render-blocking bytes fit the 14 KB window: {len(within)} of {len(rows)}")
    print("Script-free pages that fetch at most 14 KB in all: "
          f"{sum(row['total'] <= WINDOW for _, row in scriptless)} of {len(scriptless)}")
    print("Pages that fetch search files before the reader opens search: "
          f"{sum(row['search'] for _, row in rows)} of {len(rows)}")
    if first_screens:
        print("\nPages over the window, and what their first screen needs (HTML to the end of "
              "the first screen, and the sheets it waits for):\n")
        print("| page | HTML KB, first screen | of the whole HTML KB | blocking CSS KB | "
              "first screen KB | × 14 KB window |")
        print("| --- | --- | --- | --- | --- | --- |")
        for path, needed in first_screens.items():
            row = dict(rows)[path]
            print(f"| {path} | {needed / 1000:.1f} | {row['html'] / 1000:.1f} | "
                  f"{row['css'] / 1000:.1f} | {(needed + row['css']) / 1000:.1f} | "
                  f"{(needed + row['css']) / WINDOW:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
