"""How long `mkdocs serve` takes to show an edit: the time from saving one page to the new text
being served, over several edits, next to a full build in the same run."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import PROJECT, build, median

EDITS = 5
PAGE = "docs/guides/self-compassion-in-three-steps.md"
URL_PATH = "guides/self-compassion-in-three-steps/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def main():
    with tempfile.TemporaryDirectory() as temporary:
        project = Path(temporary) / "project"
        for name in ("docs", "hooks", "overrides"):
            shutil.copytree(PROJECT / name, project / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
        full_build = median([build(project, Path(temporary) / "site") for _ in range(3)])
        port = free_port()
        # Live reload stays on: without it, `mkdocs serve` does not rebuild at all.
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        url = f"http://127.0.0.1:{port}/{URL_PATH}"
        try:
            deadline = time.time() + 120
            while "Step 1" not in fetch(url):
                if time.time() > deadline:
                    sys.exit("mkdocs serve did not start")
                time.sleep(0.2)
            times = []
            page = project / PAGE
            for number in range(EDITS):
                marker = f"Benchmark edit {number}."
                started = time.perf_counter()
                page.write_text(page.read_text() + f"\n{marker}\n")
                while marker not in fetch(url):
                    time.sleep(0.05)
                times.append(time.perf_counter() - started)
                time.sleep(1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"Full strict build (median of 3): {full_build:.2f} s")
    print(f"mkdocs serve, saving one page until the new text is served (median of {EDITS}): "
          f"{median(times):.2f} s")
    print(f"  ratio to a full build: {median(times) / full_build:.2f}")


if __name__ == "__main__":
    main()
