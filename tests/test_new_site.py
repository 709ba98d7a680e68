"""The engine as a template: a second practice starts its own site with the README's command
from the previous engine release, builds it strictly, then moves to this working tree's engine
with one step, without a conflict and without a change to any of its own files, builds again,
and passes the engine's gate with the tests its own copy of the engine brings.

This file stays in the engine's repository (copier.yml excludes it): it needs the engine's
git history."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# One worker makes the site and upgrades it; its tests read what came of that, in order.
pytestmark = pytest.mark.xdist_group("new-site")

from conftest import FIXED_TODAY, PROJECT, build_site, read_html

RELEASE_TAG = re.compile(r"^v\d+\.\d+\.\d+$")
RELEASE_SUBJECT = re.compile(r"^Release (v\d+\.\d+\.\d+)\b")
PRACTICE_FILES = ("mkdocs.yml", "docs")
GIT_ENV = {"GIT_AUTHOR_NAME": "Riverside", "GIT_AUTHOR_EMAIL": "site@riverside.invalid",
           "GIT_COMMITTER_NAME": "Riverside", "GIT_COMMITTER_EMAIL": "site@riverside.invalid"}


def run(args, cwd, **env) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL,
                          env={**os.environ, **GIT_ENV, "NO_MKDOCS_2_WARNING": "1",
                               "SITE_TODAY": FIXED_TODAY, **env})


def git(*args) -> str:
    result = run(["git", *args], cwd=PROJECT)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def previous_release() -> str:
    """The commit of the newest engine release before the working tree: a vX.Y.Z tag or, in a
    clone without tags, the commit whose subject is "Release vX.Y.Z"."""
    head = git("rev-parse", "HEAD")
    releases = [(tag, git("rev-list", "-n", "1", tag))
                for tag in git("tag", "--list", "v*", "--sort=-v:refname").split()
                if RELEASE_TAG.match(tag)]
    if not releases:
        for line in git("log", "--format=%H %s", "--extended-regexp",
                        "--grep=^Release v[0-9]").splitlines():
            commit, subject = line.split(" ", 1)
            if RELEASE_SUBJECT.match(subject):
                releases.append((RELEASE_SUBJECT.match(subject).group(1), commit))
    earlier = [commit for _, commit in releases if commit != head]
    if not earlier:
        pytest.fail("No engine release before the working tree: tag one (see CHANGELOG.md).")
    return earlier[0]


# v2.0.0 asks every client page for an "In short" box (CHANGELOG.md, "Upgrading"). A site made
# from an earlier release adds one to each page the build names, as its practice would.
MISSING_IN_SHORT = re.compile(r"WARNING -  hooks/front_matter: (docs/\S+\.md), line 1: the "
                              r"front matter has no 'in_short'")


def add_the_in_short_boxes_the_build_asks_for(practice: Path, stderr: str):
    warnings = [line for line in stderr.splitlines() if line.startswith("WARNING")]
    named = [MISSING_IN_SHORT.match(line) for line in warnings]
    assert all(named), "the upgrade asks for more than CHANGELOG.md says:\n" + stderr
    for path in {match.group(1) for match in named}:
        page = practice / path
        page.write_text(page.read_text().replace(
            "---\n", "---\nin_short: [What this page is for., What to do., Where help is.]\n", 1))


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the practice's own, by path."""
    files = {}
    for name in PRACTICE_FILES:
        path = root / name
        for item in ([path] if path.is_file() else sorted(path.rglob("*"))):
            if item.is_file():
                files[item.relative_to(root).as_posix()] = item.read_bytes()
    return files


@pytest.fixture(scope="module")
def practice(tmp_path_factory):
    """A new site made as the README says, from the previous release of the engine."""
    root = tmp_path_factory.mktemp("practice") / "riverside"
    made = run(["bash", "tests/bootstrap.sh", "new", str(root), "--defaults",
                "--data", "practice_name=Riverside Counseling", "--data", "country=ie",
                "--data", "contact_email=office@riverside.invalid"],
               cwd=PROJECT, ENGINE_REF=previous_release())
    assert made.returncode == 0, made.stdout + made.stderr
    # The engine's own environment stands in for the one `bootstrap.sh` would install there.
    (root / ".venv").symlink_to(PROJECT / ".venv")
    (root / "tests" / "node_modules").symlink_to(PROJECT / "tests" / "node_modules")
    with open(root / ".git" / "info" / "exclude", "a", encoding="utf-8") as exclude:
        exclude.write("/.venv\n/tests/node_modules\n")
    return root


@pytest.fixture(scope="module")
def upgraded(practice, tmp_path_factory):
    before = snapshot(practice)
    first = build_site(practice, tmp_path_factory.mktemp("first-build"))
    result = run(["bash", "tests/bootstrap.sh", "upgrade"], cwd=practice, ENGINE_REF="HEAD")
    return before, first, result


def test_a_new_site_from_the_previous_release_builds_strictly_without_warnings(upgraded):
    _, first, _ = upgraded
    assert first.returncode == 0, first.stderr
    assert "WARNING" not in first.stderr and "ERROR" not in first.stderr, first.stderr


def test_the_new_site_holds_its_practice_details_and_starts_with_no_published_address(practice):
    config = (practice / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'name: "Riverside Counseling"' in config and "office@riverside.invalid" in config
    assert "INHERIT: hooks/engine.yml" in config
    help_lines = (practice / "docs/_data/help-lines.yml").read_text(encoding="utf-8")
    assert "name: Ireland" in help_lines
    published = (practice / "docs/_data/published-addresses.yml").read_text(encoding="utf-8")
    assert [line for line in published.splitlines() if not line.startswith("#")] == ["[]"]
    assert not (practice / "tests" / "site").exists()
    assert not (practice / "tests" / "test_new_site.py").exists()


def test_one_upgrade_step_moves_the_site_to_this_engine_without_touching_its_files(
        practice, upgraded):
    before, _, result = upgraded
    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(practice) == before
    status = run(["git", "status", "--porcelain"], cwd=practice).stdout
    assert status == "", f"the upgrade left changes behind:\n{status}"
    # Every engine file is now exactly the working tree's.
    engine_files = [p for p in ("hooks", "overrides", "tests", "requirements.txt", "README.md",
                                ".ci/run", ".github/workflows/publish.yml", "CHANGELOG.md")]
    differences = []
    for name in engine_files:
        ours, theirs = PROJECT / name, practice / name
        if ours.is_file():
            if not theirs.is_file() or not filecmp.cmp(ours, theirs, shallow=False):
                differences.append(name)
            continue
        for path in ours.rglob("*"):
            relative = path.relative_to(PROJECT)
            if not path.is_file() or {"__pycache__", "node_modules"} & set(relative.parts) \
                    or relative.parts[:2] == ("tests", "site") or path.suffix == ".jinja" \
                    or relative.as_posix() == "tests/test_new_site.py":
                continue  # not engine files, or (.jinja) rendered into another file
            copy = practice / relative
            if not copy.is_file() or not filecmp.cmp(path, copy, shallow=False):
                differences.append(relative.as_posix())
    assert differences == []


def test_a_second_upgrade_changes_nothing_and_still_works(practice, upgraded):
    """Even when the first one came from an engine with uncommitted changes, whose version
    no longer exists: the upgrade then lays the engine's files over the site's."""
    before = snapshot(practice)
    again = run(["bash", "tests/bootstrap.sh", "upgrade"], cwd=practice, ENGINE_REF="HEAD")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Traceback" not in again.stderr
    assert snapshot(practice) == before
    assert run(["git", "status", "--porcelain"], cwd=practice).stdout == ""


def test_the_upgraded_site_builds_and_passes_the_engine_gate_with_its_own_tests(
        practice, upgraded, tmp_path):
    built = build_site(practice, tmp_path / "site")
    if built.returncode != 0 and MISSING_IN_SHORT.search(built.stderr):
        add_the_in_short_boxes_the_build_asks_for(practice, built.stderr)
        built = build_site(practice, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    assert "Riverside Counseling" in read_html(tmp_path / "site", "/about/").get_text()
    # Every page of the new site gets the gate; the matrix of every screen size, scheme and
    # script state over one page of each kind runs on this repository's own site only, where
    # it covers the same templates (it would add two minutes to a run kept under ten).
    gate = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "-k", "not each_kind_of_page_at_every_size",
                "tests/test_quality_gate.py", "tests/test_browser.py",
                "tests/test_exercise_gate.py", "tests/test_page_weight.py"], cwd=practice)
    assert gate.returncode == 0, gate.stdout[-4000:] + gate.stderr[-2000:]
    assert " passed" in gate.stdout and " failed" not in gate.stdout
