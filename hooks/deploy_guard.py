"""A safe `mkdocs gh-deploy`: if the gh-pages branch on the remote has moved on since it was
last fetched (someone else deployed), stop with a clear message before building, instead of a
git traceback at the end. Nothing on the remote is ever overwritten or lost.

It also refuses what would publish a broken or unsafe site: an address that is not a public
https:// one, a CNAME file that names another domain, `--force` or `--no-history`, which
would replace the published history, a crisis line not checked for 12 months or more, and a
practice that readers could not identify or reach: no real name (a placeholder such as "the
counseling practice"), or no email, phone number or contact page on its own site."""

import ipaddress
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from help_lines import STALE_AFTER_MONTHS, stale_entries
from support.data_files import load_data_file
from support.state import build


def on_config(config, **kwargs):
    if build.command != "gh-deploy":  # recorded by hooks/strictness.py at startup
        return config
    site_url = config["site_url"] or ""
    problem = site_url_problem(site_url)
    if problem:
        raise PluginError(f"mkdocs gh-deploy: the site's address is '{site_url}': {problem} Set "
                          "SITE_URL to the published address, for example "
                          "SITE_URL=https://your-name.github.io/your-repo/ (see README.md).")
    identity = [f"mkdocs.yml, extra: practice: {problem}"
                for problem in identity_problems(config["extra"].get("practice") or {})]
    identity += [f"mkdocs.yml, extra: languages: {code}: practice_name is "
                 f"'{settings['practice_name']}', which does not name the practice. Write its "
                 "real name as clients who read that language know it, or leave it out to use "
                 "'extra: practice: name'."
                 for code, settings in build.languages.items()
                 if placeholder_name(settings.get("practice_name"))]
    if identity:
        raise PluginError("\n".join(identity))
    stale = stale_entries(load_data_file(config, "help-lines"))
    if stale:
        raise PluginError("\n".join(
            f"docs/_data/help-lines.yml, line {line}: '{name}' was last checked on {day}, "
            f"{STALE_AFTER_MONTHS} or more months ago. A number that may have changed must not "
            "be published: check it with the service's own page and set 'verified:' to today."
            for line, name, day in stale))
    forced = [arg for arg in sys.argv[1:] if arg in ("--force", "-f", "--no-history")]
    if forced:
        raise PluginError(f"mkdocs gh-deploy: '{forced[0]}' would replace what is published, "
                          "and other people's deploys with it. Deploy without it; if the "
                          "remote moved on, fetch it first (see README.md, \"Deploy\").")
    cname = Path(config["docs_dir"]) / "CNAME"
    if cname.is_file():
        domain = cname.read_text(encoding="utf-8").strip().lower()
        if domain != (urlsplit(site_url).hostname or ""):
            raise PluginError(f"docs/CNAME names '{domain}', but SITE_URL is '{site_url}'. Use "
                              "the same domain in both, or remove docs/CNAME.")
    remote, branch = config["remote_name"], config["remote_branch"]
    remote_head = _git("ls-remote", remote, f"refs/heads/{branch}")
    if remote_head is None:
        raise PluginError(f"mkdocs gh-deploy: cannot reach the git remote '{remote}'. Check "
                          f"'git remote -v', or give another remote with -r.")
    if not remote_head.strip():
        return config  # the first deploy creates the branch
    remote_sha = remote_head.split()[0]
    local_sha = (_git("rev-parse", "--verify", "--quiet", f"refs/remotes/{remote}/{branch}")
                 or "").strip()
    if local_sha != remote_sha:
        raise PluginError(
            f"mkdocs gh-deploy: the '{branch}' branch on '{remote}' has changed since this "
            "copy last fetched it (perhaps someone else deployed). Nothing was changed. Run "
            f"'git fetch {remote} {branch}:refs/remotes/{remote}/{branch}' to see the latest "
            "deploy, then run gh-deploy again."
        )
    return config


# Names that stand for a practice without naming one: the starter's blank and generic wording.
PLACEHOLDER_NAMES = {"the counseling practice", "the counselling practice", "the practice",
                     "your practice", "practice name", "example counseling",
                     "el consultorio", "el consultorio de consejería", "su consultorio"}


def placeholder_name(name) -> bool:
    """Whether a practice's name (None: not given) stands for a practice without naming one."""
    name = None if name is None else str(name).strip()
    return name is not None and (not name or "__" in name or name.lower() in PLACEHOLDER_NAMES)


def identity_problems(practice) -> list[str]:
    """Why readers could not tell who publishes the site, or reach them."""
    problems = []
    name = str(practice.get("name") or "").strip()
    if placeholder_name(name):
        problems.append(f"name is '{name}', which does not name the practice. Write the "
                        "practice's real name, as clients know it, before publishing.")
    contact = practice.get("contact") or {}
    page = str(contact.get("page") or "")
    if not (contact.get("email") or contact.get("phone") or page.startswith("https://")):
        problems.append("contact has no email, no phone number and no contact page on the "
                        "practice's own site (an https:// address), so a reader could not "
                        "reach the practice. Add at least one before publishing.")
    return problems


def site_url_problem(site_url: str) -> str:
    """Why `site_url` cannot be where a site is published, or "" when it can. Its form (no
    space, no '?' or '#' part…) is checked on every build, by hooks/settings.py."""
    parts = urlsplit(site_url)
    if parts.scheme != "https" or not parts.hostname:
        return "a published site needs a full https:// address."
    host = parts.hostname
    try:
        private = not ipaddress.ip_address(host).is_global
    except ValueError:
        private = host == "localhost" or host.endswith((".localhost", ".local"))
    if private:
        return "that address is only reachable from this computer or network."
    return ""


def _git(*args):
    try:
        result = subprocess.run(["git", *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None
