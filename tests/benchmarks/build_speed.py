"""Build benchmarks: the cost of the checks, and how build time per page grows with size.

1. The shipped site built with SITE_CHECKS=off and with checks on, alternating, several runs:
   medians and their ratio (goal: checks add no more than 30%).
2. Synthetic sites of 10, 100 and 1,000 generated articles, organised in sections of 25 as a
   practice would, with citations, authors and links: build time per page at each size (goal:
   per-page time at 1,000 no more than 1.2 times that at 100).
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
    """A copy of the project whose articles are `articles` generated pages in sections."""
    for name in ("hooks", "overrides", "docs"):
        shutil.copytree(PROJECT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(root / "docs" / "articles")
    (root / "docs" / "_data" / "published-addresses.yml").write_text("[]\n")
    sections = {}
    # Every reference is cited somewhere, as on a real site (an unused one fails the build).
    keys = list(yaml.safe_load((PROJECT / "docs/_data/references.yml").read_text()))
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
            "author: editorial-team\nreview: pending\n---\n\n"
            "## Why it helps {#why-it-helps}\n\n"
            f"Kind words can calm the body [@{keys[number % len(keys)]}]. Touch may help too "
            f"[@{keys[(number * 7) % len(keys)]}]. See [the previous note]({neighbour}) and "
            "[the guide](../../guides/self-compassion-in-three-steps.md#step-1-notice-the-feeling).\n\n"
            + ("All the sources: [" + "; ".join(f"@{k}" for k in keys) + "].\n\n"
               if number == 1 else "") +
            "## Step 1: Notice {#step-1-notice}\n\nPause and name the feeling. Be gentle.\n\n"
            "## Step 2: Be kind {#step-2-be-kind}\n\nSay one kind thing to yourself. Breathe.\n")
        sections.setdefault(section, []).append(path.as_posix())
    config = (PROJECT / "mkdocs.yml").read_text()
    start = config.index("  - Articles:\n")
    end = config.index("  - Understand:\n")
    nav = "  - Articles:\n" + "".join(
        f"      - {section}:\n" + "".join(f"          - {page}\n" for page in pages)
        for section, pages in sections.items())
    config = config[:start] + nav + config[end:]
    # The articles of the real site are gone, so the pages that link to them go too.
    for linking in ("index.md", "for-clinicians.md", "learn/self-compassion-and-the-body.md",
                    "guides/self-compassion-in-three-steps.md"):
        text = (root / "docs" / linking).read_text()
        text = text.replace("articles/the-neuroscience-of-self-compassion.md",
                            "articles/section-001/article-0001.md")
        text = text.replace("articles/how-gratitude-can-help-you-through-hard-times.md",
                            "articles/section-001/article-0001.md")
        (root / "docs" / linking).write_text(text)
    links = root / "docs" / "_data" / "short-links.yml"
    links.write_text("\n".join(line for line in links.read_text().splitlines()
                               if "articles/" not in line and "neuroscience" not in line
                               and "gratitude" not in line) + "\n")
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


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        if "--growth-only" not in sys.argv:
            checks_cost(workdir)
        if "--checks-only" not in sys.argv:
            per_page_growth(workdir)
