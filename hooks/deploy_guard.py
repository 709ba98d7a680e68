"""A safe `mkdocs gh-deploy`: if the gh-pages branch on the remote has moved on since it was
last fetched (someone else deployed), stop with a clear message before building, instead of a
git traceback at the end. Nothing on the remote is ever overwritten or lost."""

import subprocess

from mkdocs.exceptions import PluginError

_command = None


def on_startup(command, dirty, **kwargs):
    global _command
    _command = command


def on_config(config, **kwargs):
    if _command != "gh-deploy":
        return config
    site_url = config["site_url"] or ""
    if not site_url.startswith("https://") and not site_url.startswith("http://") \
            or "127.0.0.1" in site_url or "localhost" in site_url:
        raise PluginError(f"mkdocs gh-deploy: the site's address is '{site_url}', not the "
                          "published one. Set SITE_URL to it, for example "
                          "SITE_URL=https://your-name.github.io/your-repo/ (see README.md).")
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


def _git(*args):
    try:
        result = subprocess.run(["git", *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None
