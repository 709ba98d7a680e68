"""Deploying as the README says, against a local bare git repository as the remote (no
network), and the GitHub Actions workflow checked with a real validator."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import FIXED_TODAY, PROJECT, build_site, fixture_site

SITE_URL = "https://self-compassion.example.org/"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Deployer", "GIT_AUTHOR_EMAIL": "deploy@example.invalid",
    "GIT_COMMITTER_NAME": "Test Deployer", "GIT_COMMITTER_EMAIL": "deploy@example.invalid",
}


def run(*args, cwd, check=True, **env):
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300,
                            env={**os.environ, **GIT_ENV, "NO_MKDOCS_2_WARNING": "1",
                                 "SITE_TODAY": FIXED_TODAY, **env})
    if check:
        assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


def deploy(project):
    return run(sys.executable, "-m", "mkdocs", "gh-deploy", "--remote-name", "origin",
               cwd=project, check=False, SITE_URL=SITE_URL)


def files_on_branch(repo, branch="gh-pages"):
    # NUL-separated: a published file's name may hold a space.
    listing = run("git", "ls-tree", "-r", "-z", "--name-only", branch, cwd=repo).stdout
    return set(filter(None, listing.split("\0")))


@pytest.fixture
def project_with_remote(tmp_path):
    remote = tmp_path / "remote.git"
    run("git", "init", "--bare", "--initial-branch=main", str(remote), cwd=tmp_path)
    project = fixture_site(tmp_path / "project")
    (project / "docs" / "CNAME").write_text("self-compassion.example.org\n")
    run("git", "init", "--initial-branch=main", cwd=project)
    run("git", "add", "-A", cwd=project)
    run("git", "commit", "-qm", "Site", cwd=project)
    run("git", "remote", "add", "origin", str(remote), cwd=project)
    run("git", "push", "-q", "origin", "main", cwd=project)
    return project, remote


def test_gh_deploy_publishes_exactly_the_built_site(project_with_remote, tmp_path):
    project, remote = project_with_remote
    result = deploy(project)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    built = tmp_path / "built"
    # The deploy makes the PDF handouts, as the real one does; so does this build.
    assert build_site(project, built, SITE_URL=SITE_URL, SITE_HANDOUTS="").returncode == 0
    expected = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    assert any(name.endswith(".pdf") for name in expected)
    assert files_on_branch(remote) == expected | {".nojekyll"}
    assert "CNAME" in expected
    cname = run("git", "show", "gh-pages:CNAME", cwd=remote).stdout
    assert cname.strip() == "self-compassion.example.org"


def test_a_second_deploy_succeeds_and_keeps_history(project_with_remote):
    project, remote = project_with_remote
    assert deploy(project).returncode == 0
    page = project / "docs" / "services.md"
    page.write_text(page.read_text() + "\nOne more sentence for the second deploy.\n")
    run("git", "commit", "-qam", "Edit", cwd=project)
    second = deploy(project)
    assert second.returncode == 0, second.stderr
    count = run("git", "rev-list", "--count", "gh-pages", cwd=remote).stdout.strip()
    assert count == "2"


def test_deploy_onto_a_remote_that_moved_on_stops_clearly_and_loses_nothing(
        project_with_remote, tmp_path):
    project, remote = project_with_remote
    assert deploy(project).returncode == 0
    # Someone else deploys from their own copy.
    other = tmp_path / "other"
    run("git", "clone", "-q", str(remote), str(other), cwd=tmp_path)
    run("git", "checkout", "-q", "gh-pages", cwd=other)
    (other / "extra.html").write_text("<p>Deployed by someone else.</p>\n")
    run("git", "add", "extra.html", cwd=other)
    run("git", "commit", "-qm", "Another deploy", cwd=other)
    run("git", "push", "-q", "origin", "gh-pages", cwd=other)
    their_commit = run("git", "rev-parse", "gh-pages", cwd=remote).stdout.strip()

    result = deploy(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "has changed since this copy last fetched it" in result.stderr
    assert run("git", "rev-parse", "gh-pages", cwd=remote).stdout.strip() == their_commit
    assert "extra.html" in files_on_branch(remote)


def test_deploy_refuses_a_local_site_address(project_with_remote):
    project, _ = project_with_remote
    result = run(sys.executable, "-m", "mkdocs", "gh-deploy", "--remote-name", "origin",
                 cwd=project, check=False, SITE_URL="http://127.0.0.1:8000/")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "Set SITE_URL" in result.stderr


@pytest.mark.parametrize("site_url, message", [
    ("http://self-compassion.example.org/", "full https:// address"),
    ("https://0.0.0.0/", "only reachable from this computer"),
    ("https://self-compassion.example.org/?utm=1", "'?' or '#' part"),
    ("https://another.example.org/", "docs/CNAME names 'self-compassion.example.org'"),
])
def test_deploy_refuses_an_address_that_is_not_where_the_site_is_published(
        project_with_remote, site_url, message):
    project, remote = project_with_remote
    result = run(sys.executable, "-m", "mkdocs", "gh-deploy", "--remote-name", "origin",
                 cwd=project, check=False, SITE_URL=site_url)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert message in result.stderr, result.stderr
    assert run("git", "branch", "--list", "gh-pages", cwd=remote).stdout.strip() == ""


@pytest.mark.parametrize("flag", ["--force", "--no-history"])
def test_deploy_refuses_to_force_or_drop_the_published_history(project_with_remote, flag):
    project, remote = project_with_remote
    assert deploy(project).returncode == 0
    published = run("git", "rev-parse", "gh-pages", cwd=remote).stdout.strip()
    result = run(sys.executable, "-m", "mkdocs", "gh-deploy", "--remote-name", "origin", flag,
                 cwd=project, check=False, SITE_URL=SITE_URL)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"'{flag}' would replace what is published" in result.stderr
    assert run("git", "rev-parse", "gh-pages", cwd=remote).stdout.strip() == published


def test_github_workflow_is_valid_and_never_force_pushes():
    workflow = PROJECT / ".github" / "workflows" / "publish.yml"
    checker = shutil.which("check-jsonschema", path=os.path.dirname(sys.executable))
    result = subprocess.run([checker, "--builtin-schema", "vendor.github-workflows",
                             str(workflow)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    text = workflow.read_text()
    assert "bash tests/bootstrap.sh test" in text and "mkdocs gh-deploy" in text
    assert "--force" not in text and "push -f" not in text


def test_deploy_stops_when_a_crisis_line_was_last_checked_a_year_ago(project_with_remote):
    project, remote = project_with_remote
    result = run(sys.executable, "-m", "mkdocs", "gh-deploy", "--remote-name", "origin",
                 cwd=project, check=False, SITE_URL=SITE_URL, SITE_TODAY="2027-11-26")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/_data/help-lines.yml, line 5: '911' was last checked on 2026-11-25" in \
        result.stderr, result.stderr
    assert run("git", "branch", "--list", "gh-pages", cwd=remote).stdout.strip() == ""


def test_a_line_checked_over_six_months_ago_is_named_but_the_build_passes(tmp_path):
    site = fixture_site(tmp_path / "project")
    result = build_site(site, tmp_path / "site", SITE_TODAY="2027-06-01")
    assert result.returncode == 0, result.stderr
    assert "help-lines.yml, line 5: this entry was last checked on 2026-11-25" in result.stderr


@pytest.mark.parametrize("old, new, message", [
    ("    name: Fixture Counseling Group", "    name: the counseling practice",
     "mkdocs.yml, extra: practice: name is 'the counseling practice', which does not name"),
    ("      email: office@fixture.invalid", "      email: \"\"",
     "mkdocs.yml, extra: practice: contact has no email"),
    ("extra:\n", "extra:\n  languages:\n    es:\n      practice_name: el consultorio\n",
     "mkdocs.yml, extra: languages: es: practice_name is 'el consultorio', which does not name"),
], ids=["placeholder-name", "no-contact", "placeholder-name-in-another-language"])
def test_deploy_stops_when_readers_could_not_tell_who_publishes_or_reach_them(
        project_with_remote, old, new, message):
    project, remote = project_with_remote
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = deploy(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert message in result.stderr, result.stderr
    assert run("git", "branch", "--list", "gh-pages", cwd=remote).stdout.strip() == ""

