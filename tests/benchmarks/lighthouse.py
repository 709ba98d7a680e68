"""Lighthouse (12.2.3, mobile) over every content page, served with gzip as GitHub Pages serves
it, from a build whose site_url is the local server: the four category scores, and the bytes
transferred in total and for scripts, per page. Goal: 100 in every category on every content
page; exercise pages under 35 KB transferred in total."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import served_site

LIGHTHOUSE = Path(__file__).parent / "node_modules" / ".bin" / "lighthouse"
CONTENT_PAGES = [
    "", "help/", "articles/the-neuroscience-of-self-compassion/",
    "articles/how-gratitude-can-help-you-through-hard-times/",
    "learn/self-compassion-and-the-body/", "guides/self-compassion-in-three-steps/",
    "guides/the-self-compassion-break/", "exercises/self-compassion-in-a-difficult-moment/",
    "exercises/the-self-compassion-break/", "exercises/self-kindness-check-in/",
    "exercises/what-am-i-feeling/", "exercises/what-am-i-feeling/anger/", "for-clinicians/",
    "privacy/",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def audit(url: str, chrome: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json",
                        f"--output-path={report.name}", "--form-factor=mobile",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                        "--disable-background-networking --disable-component-update "
                        "--disable-sync --no-first-run --disable-dev-shm-usage"],
                       check=True, env={**os.environ, "CHROME_PATH": chrome},
                       capture_output=True, timeout=300)
        data = json.loads(Path(report.name).read_text())
    scripts = sum(item.get("transferSize", 0)
                  for item in data["audits"]["resource-summary"]["details"]["items"]
                  if item.get("resourceType") == "script")
    return {
        **{name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES},
        "bytes": int(data["audits"]["total-byte-weight"]["numericValue"]),
        # First contentful paint under Lighthouse's mobile throttling (slow 4G, slow CPU).
        "fcp": data["audits"]["first-contentful-paint"]["numericValue"] / 1000,
        "script_bytes": scripts,
    }


def main():
    chrome = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    with served_site() as (_, base):
        print("| page | performance | accessibility | best practices | SEO | KB total | KB script "
              "| first paint (s) |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        all_100, exercises_small, slowest_paint = True, True, 0.0
        for page in CONTENT_PAGES:
            result = audit(base + page, chrome)
            scores = [result[name] for name in CATEGORIES]
            all_100 &= all(score == 100 for score in scores)
            if page.startswith("exercises/"):
                exercises_small &= result["bytes"] < 35 * 1024
            slowest_paint = max(slowest_paint, result["fcp"])
            print(f"| /{page} | " + " | ".join(map(str, scores)) +
                  f" | {result['bytes'] / 1024:.1f} | {result['script_bytes'] / 1024:.1f} "
                  f"| {result['fcp']:.2f} |")
    print(f"\nGoal, 100 in all four categories on every content page: {'met' if all_100 else 'not yet'}")
    print(f"Goal, exercise pages under 35 KB in total: {'met' if exercises_small else 'not yet'}")
    print(f"Goal, first contentful paint at most 1.0 s on every page: slowest {slowest_paint:.2f} s, "
          f"{'met' if slowest_paint <= 1.0 else 'not yet'}")


if __name__ == "__main__":
    sys.exit(main())
