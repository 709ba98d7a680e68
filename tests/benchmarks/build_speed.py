"""Build benchmarks: the cost of the checks, and how build time per page grows with size.

1. The shipped site built with SITE_CHECKS=off and with checks on, alternating, several runs:
   medians and their ratio (goal: checks add no more than 30%).
2. Synthetic sites of 10, 100 and 1,000 generated articles, organised in sections of 25 as a
   practice would, with citations, authors and links: build time per page at each size (goal:
   per-page time at 1,000 no more than 1.2 times that at 100).
3. The cost of trimming each kind of page's CSS (hooks/lean_styles.py): a synthetic site of 300
   articles built with SITE_LEAN_STYLES=off and on, alternating: medians, their ratio and the
   cost per page.
"""

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from common import PROJECT, build, median

RUNS = 15
SECTION_SIZE = 25


def checks_cost(workdir: Path):
    off, on = [], []
    for _ in range(RUNS):
        off.append(build(PROJECT, workdir / "off", SITE_CHECKS="off"))
        on.append(build(PROJECT, workdir / "on"))
    print(f"Shipped site, {RUNS} alternating runs each")
    print(f"  median build, checks off: {median(off):.2f} s")
    print(f"  median build, checks on:  {median(on):.2f} s")
    print(f"  ratio on/off: {median(on) / median(off):.2f} (goal <= 1.30)")


def synthetic_site(root: Path, articles: int) -> Path:
    """The engine's starter site (hooks/starter) plus `articles` generated articles in
    sections, built with the engine as it is: the same on any practice's copy of the engine."""
    for name in ("hooks", "overrides"):
        shutil.copytree(PROJECT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    starter = PROJECT / "hooks" / "starter"
    shutil.copytree(starter / "site" / "docs", root / "docs")
    shutil.copy(starter / "help-lines" / "us.yml", root / "docs" / "_data" / "help-lines.yml")
    # Two sources from the fixture practice, so that the references check has work to do too.
    shutil.copy(PROJECT / "tests" / "fixtures" / "site" / "docs" / "_data" / "references.yml",
                root / "docs" / "_data" / "references.yml")
    keys = list(yaml.safe_load((root / "docs/_data/references.yml").read_text()))
    sections = {}
    for number in range(1, articles + 1):
        section = f"section-{(number - 1) // SECTION_SIZE + 1:03d}"
        path = Path("articles") / section / f"article-{number:04d}.md"
        previous = max(1, number - 1)
        neighbour = f"../section-{(previous - 1) // SECTION_SIZE + 1:03d}/article-{previous:04d}.md"
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(
            "---\ntype: article\n"
            f"title: Practice note {number}\n"
            "description: A generated article for the build benchmark.\n"
            "in_short: [A line to test with., A second line., A third line.]\n"
            "author: editorial-team\nreview: pending\n---\n\n"
            "## Why it helps {#why-it-helps}\n\n"
            f"Kind words can calm the body [@{keys[number % len(keys)]}]. Touch may help too "
            f"[@{keys[(number * 7) % len(keys)]}]. See [the previous note]({neighbour}) and "
            "[the guide](../../guides/using-a-worksheet.md#step-1-find-a-quiet-moment).\n\n"
            "## Step 1: Notice {#step-1-notice}\n\nPause and name the feeling. Be gentle.\n\n"
            "## Step 2: Be kind {#step-2-be-kind}\n\nSay one kind thing to yourself. Breathe.\n")
        sections.setdefault(section, []).append(path.as_posix())
    sys.path.insert(0, str(starter))
    from make_site import practice_config  # the same mkdocs.yml a new practice gets

    config = practice_config({"practice_name": "Benchmark Practice",
                              "site_name": "Benchmark library"})
    nav = "  - Articles:\n      - articles/how-to-use-this-library.md\n"
    assert nav in config
    config = config.replace(nav, nav + "".join(
        f"      - {section}:\n" + "".join(f"          - {page}\n" for page in pages)
        for section, pages in sections.items()))
    (root / "mkdocs.yml").write_text(config)
    return root


def per_page_growth(workdir: Path, sizes=(10, 100, 1000)):
    print("\nSynthetic sites (checks on), build time per page")
    print("| articles | pages built | build (s) | ms per page |")
    print("| --- | --- | --- | --- |")
    per_page = {}
    for size in sizes:
        root = synthetic_site(workdir / f"site-{size}", size)
        runs = [build(root, workdir / f"out-{size}") for _ in range(3 if size <= 100 else 1)]
        pages = len(list((workdir / f"out-{size}").rglob("*.html")))
        per_page[size] = median(runs) / pages
        print(f"| {size} | {pages} | {median(runs):.2f} | {per_page[size] * 1000:.1f} |")
    if 100 in per_page and 1000 in per_page:
        print(f"  per-page ratio 1000/100: {per_page[1000] / per_page[100]:.2f} (goal <= 1.20)")


def lean_styles_cost(workdir: Path, articles: int = 300, runs: int = 3):
    root = synthetic_site(workdir / "site-lean", articles)
    off, on = [], []
    for _ in range(runs):
        off.append(build(root, workdir / "lean-off", SITE_LEAN_STYLES="off"))
        on.append(build(root, workdir / "lean-on"))
    pages = len(list((workdir / "lean-on").rglob("*.html")))
    print(f"\nCSS per kind of page (hooks/lean_styles.py), {articles} articles, {pages} pages, "
          f"{runs} alternating runs each")
    print(f"  median build, full style sheets (SITE_LEAN_STYLES=off): {median(off):.2f} s")
    print(f"  median build, each kind's own sheets: {median(on):.2f} s")
    print(f"  ratio on/off: {median(on) / median(off):.2f}; "
          f"{(median(on) - median(off)) / pages * 1000:.1f} ms more per page")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        if "--growth-only" not in sys.argv and "--lean-only" not in sys.argv:
            checks_cost(workdir)
        if "--checks-only" not in sys.argv and "--lean-only" not in sys.argv:
            per_page_growth(workdir)
        if "--checks-only" not in sys.argv and "--growth-only" not in sys.argv:
            lean_styles_cost(workdir)
