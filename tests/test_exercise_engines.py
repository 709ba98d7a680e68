"""The exercise gate in Safari's engine (WebKit) and Firefox's, on every exercise of the site
under test, with the pages as shipped (they run no script; their policy forbids it): the
keyboard reaches and fills every field, Enter never sends, the notes an answer reveals show and
hide with it, Clear empties the form, nothing is requested once a page has loaded, a printed
page keeps every word typed, and engines without CSS field-sizing (Safari before 26.2, older
Firefox) still show a long answer.

test_exercise_gate.py checks the same in Chromium. Selenium drives these engines (see
browser_engines.py); it cannot see their network traffic, so the site is served here by a
server that records every request it receives. Each engine variant starts once per test
process, and its tests share an xdist group so that one process can run them all."""

from __future__ import annotations

import base64
import io
import os
import time
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

import browser_engines
from conftest import pages_with, serving

# Selenium's own WebKitGTK driver still passes the server address in a way Selenium deprecates.
pytestmark = pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")

FIREFOX_GROUP = pytest.mark.xdist_group("firefox")
WEBKIT_GROUP = pytest.mark.xdist_group("webkit")
WEBKIT = pytest.param("webkit", marks=WEBKIT_GROUP, id="webkit")
WEBKIT_WITHOUT_FIELD_SIZING = pytest.param("webkit-without-field-sizing", marks=WEBKIT_GROUP,
                                           id="webkit-without-field-sizing")
FIREFOX = pytest.param("firefox", marks=FIREFOX_GROUP, id="firefox")
FIREFOX_WITHOUT_FIELD_SIZING = pytest.param("firefox-without-field-sizing", marks=FIREFOX_GROUP,
                                            id="firefox-without-field-sizing")

TYPED = "Typed by keyboard."
# Typed key by key into a date box: month, day, year in US English (browser_engines.py fixes
# the language). Both engines move on at "/"; WebKit ignores digits typed without it.
DATE_KEYS, DATE_VALUE = "11/27/2026", "2026-11-27"
# More Tab presses than any exercise page has stops before its Clear button.
TAB_LIMIT = 400

# What identifies a control the keyboard must reach: radios of one group share one tab stop.
CONTROL_KEY = """e => !e || !e.closest('form.exercise') ? null
    : e.type === 'radio' ? 'radio group ' + e.name
    : e.tagName === 'SUMMARY' ? 'Start again'
    : e.type === 'reset' ? 'Clear'
    : e.matches('textarea, input') ? '#' + e.id : null"""
# Whether an element is rendered and visible: not only laid out, since the inside of a closed
# <details> keeps its boxes but is skipped.
VISIBLE = "e => e.checkVisibility({visibilityProperty: true})"
# Whether a text box shows the end of its answer, all but `slack` of its last line. Firefox
# counts the bottom padding in scrollHeight but never scrolls it into view.
END_IN_VIEW = """(e, slack) => { const style = getComputedStyle(e);
    return e.scrollTop + e.clientHeight + 1 >= e.scrollHeight - parseFloat(style.paddingBottom)
      - slack * parseFloat(style.lineHeight); }"""
CONTROLS = "form.exercise :is(textarea, input, summary, button[type=reset])"
TEXT_BOXES = ("textarea", "text", "search", "email", "tel", "url", "number")


# --- The engines and the recording server ---------------------------------------------------

def missing(reason: str):
    # The test command installs every engine; only a hand-made setup may lack one.
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; the test command (tests/bootstrap.sh test) installs it")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def x_display():
    try:
        with browser_engines.virtual_display() as display:
            yield display
    except browser_engines.EngineMissing as reason:
        missing(str(reason))


def running_browser(request, variant: str):
    """A browser of the engine variant named, for as long as the test process runs."""
    if not browser_engines.selenium_installed():
        missing("Selenium is not installed (pip: -r tests/requirements.txt)")
    field_sizing = not variant.endswith("-without-field-sizing")
    try:
        if variant.startswith("webkit"):
            driver = browser_engines.start_webkit(request.getfixturevalue("x_display"),
                                                  field_sizing)
        else:
            driver = browser_engines.start_firefox(field_sizing)
    except browser_engines.EngineMissing as reason:
        missing(str(reason))
    try:
        # Each variant is what its name says, or its tests would prove nothing about it.
        assert driver.execute_script("return CSS.supports('field-sizing', 'content')") \
            == field_sizing, f"{variant}: field-sizing support is not as asked"
        yield driver
    finally:
        driver.quit()


# One browser per variant and test process, started on first use: starting one costs seconds.
# Session-wide, not per module, since xdist may interleave these tests with other modules'.
@pytest.fixture(scope="session")
def webkit(request):
    yield from running_browser(request, "webkit")


@pytest.fixture(scope="session")
def webkit_without_field_sizing(request):
    yield from running_browser(request, "webkit-without-field-sizing")


@pytest.fixture(scope="session")
def firefox(request):
    yield from running_browser(request, "firefox")


@pytest.fixture(scope="session")
def firefox_without_field_sizing(request):
    yield from running_browser(request, "firefox-without-field-sizing")


@pytest.fixture
def engine(request):
    """The browser of the engine variant named by the test's parameter."""
    driver = request.getfixturevalue(request.param.replace("-", "_"))
    yield driver
    # Off the site between tests, so that nothing it does later counts against another test.
    driver.get("about:blank")


@pytest.fixture(scope="session")
def recording_server(site):
    """The built site on a free localhost port, with the request line of every request."""
    requests: list[str] = []
    with serving(site, requests) as url:
        yield SimpleNamespace(url=url, requests=requests)


@pytest.fixture(scope="session")
def exercises(site):
    pages = pages_with(site, "form.exercise")
    if not pages:
        pytest.skip("the site under test has no exercise page")
    return pages


class Visit:
    """An exercise page opened in an engine, and every request made from then on."""

    def __init__(self, driver, server, path: str):
        self.driver, self.server, self.path = driver, server, path
        driver.get(server.url + path)
        self.address = driver.current_url
        # A print style sheet may arrive after the page has loaded: wait for every style sheet.
        sheets = {urlsplit(href).path for href in driver.execute_script(
            "return [...document.querySelectorAll('link[rel~=stylesheet]')].map(l => l.href)")}
        deadline = time.monotonic() + 10
        while not sheets <= self.requested_paths() and time.monotonic() < deadline:
            time.sleep(0.02)
        # The page's own icon: a browser may fetch it at any time, and it sends nothing.
        self.icons = {urlsplit(href).path for href in driver.execute_script(
            "return [...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)")}
        self.start = len(server.requests)

    def requested_paths(self) -> set[str]:
        return {urlsplit(line.split(" ")[1]).path for line in self.server.requests
                if line.count(" ") >= 1}

    def requests_since_load(self) -> list[str]:
        return [line for line in self.server.requests[self.start:]
                if len(line.split(" ")) < 2 or urlsplit(line.split(" ")[1]).path not in self.icons]

    def assert_nothing_sent_and_still_here(self):
        assert self.requests_since_load() == [], f"{self.path}: the page made requests"
        assert self.driver.current_url == self.address, f"{self.path}: the page moved on"


# --- Reading and working the page -----------------------------------------------------------

def press(driver, keys: str):
    """Keys typed into whatever has focus, as a keyboard does. (A "\\n" inside typed text is
    dropped by WebKit's driver: Enter is pressed as Keys.ENTER.)"""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(keys).perform()


def focused_control(driver) -> tuple[str | None, str]:
    """The key of the focused form control (None outside the form) and its type."""
    return driver.execute_script(f"const e = document.activeElement; "
                                 f"return [({CONTROL_KEY})(e), e ? (e.type || '') : ''];")


def answer_by_keyboard(driver, kind: str):
    """Type into, or tick, the focused field."""
    from selenium.webdriver.common.keys import Keys

    if kind in TEXT_BOXES:
        press(driver, TYPED)
    elif kind == "date":
        press(driver, DATE_KEYS)
    elif kind in ("checkbox", "radio"):
        press(driver, Keys.SPACE)


def answers(driver) -> dict:
    """Every field's value and every ticked choice, read back from the page."""
    return driver.execute_script("""
        const form = document.querySelector('form.exercise');
        return {
          values: Object.fromEntries([...form.querySelectorAll('textarea, input')]
            .filter(e => e.type !== 'checkbox' && e.type !== 'radio')
            .map(e => ['#' + e.id, e.value])),
          ticked: [...form.querySelectorAll('input:checked')].map(e => '#' + e.id),
        };""")


def shown(driver, selector: str) -> list[str]:
    """The elements matching `selector` that are rendered and visible (so seen or read aloud)."""
    return driver.execute_script(
        f"return [...document.querySelectorAll(arguments[0])].filter({VISIBLE})"
        ".map(e => e.id || e.dataset.forValue || e.className)", selector)


def focus(driver, selector: str):
    driver.execute_script("document.querySelector(arguments[0]).focus()", selector)


def page_text_of_pdf(pdf_base64: str) -> str:
    reader = PdfReader(io.BytesIO(base64.b64decode(pdf_base64)))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


# --- The gate ---------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", [WEBKIT, FIREFOX], indirect=True)
def test_exercises_work_by_keyboard_and_send_nothing(engine, recording_server, exercises):
    """From the top of the page, Tab reaches every field in order, typing and Space fill it,
    Enter on each never submits or leaves, and every answer is still there at the end."""
    from selenium.webdriver.common.keys import Keys

    for path in exercises:
        visit = Visit(engine, recording_server, path)
        assert engine.execute_script("return document.querySelectorAll("
                                     "'script:not([type=\"application/ld+json\"])').length") == 0, \
            f"{path}: an exercise page runs no script"
        expected = list(dict.fromkeys(engine.execute_script(
            f"return [...document.querySelectorAll('{CONTROLS}')].map({CONTROL_KEY})")))
        reached, not_ticked, kinds = [], [], {}
        for _ in range(TAB_LIMIT):
            press(engine, Keys.TAB)
            key, kind = focused_control(engine)
            if key is None or key in reached:
                continue  # a link, or another stop inside the same date box
            reached.append(key)
            kinds[key] = kind
            if key == "Clear":
                break  # reachable only once Enter has opened "Start again": proven
            answer_by_keyboard(engine, kind)
            if kind in ("checkbox", "radio") and not engine.execute_script(
                    "return document.activeElement.checked"):
                not_ticked.append(key)
            press(engine, Keys.ENTER)
        assert reached == expected, f"{path}: Tab does not reach every field in order"
        assert not_ticked == [], f"{path}: Space does not tick {not_ticked}"
        kept = answers(engine)
        for key, kind in kinds.items():
            if kind in TEXT_BOXES:
                # Enter added a line to the answer instead of sending it.
                want = TYPED + "\n" if kind == "textarea" else TYPED
                assert kept["values"][key] == want, f"{path}: {key} lost what was typed"
            elif kind == "date":
                assert kept["values"][key] == DATE_VALUE, f"{path}: {key} lost the date typed"
        groups = {key for key, kind in kinds.items() if kind in ("checkbox", "radio")}
        assert len(kept["ticked"]) == len(groups), f"{path}: a ticked choice was lost"
        visit.assert_nothing_sent_and_still_here()


@pytest.mark.parametrize("engine", [WEBKIT, FIREFOX], indirect=True)
def test_notes_and_guides_show_only_for_the_answer_chosen(engine, recording_server, exercises):
    """CSS alone (:has() and :checked) shows the note under each answer chosen in a check-in,
    and the moving breathing guide once it is turned on; each hides again when it no longer
    applies."""
    from selenium.webdriver.common.keys import Keys

    notes_seen, guides = 0, 0
    for path in exercises:
        visit = Visit(engine, recording_server, path)
        radios = engine.execute_script(
            "return [...document.querySelectorAll('form.exercise .scale-item')]"
            ".filter(item => item.querySelector('.reflection'))"
            ".flatMap(item => [...item.querySelectorAll('input[type=radio]')].map(e => e.id))")
        toggles = engine.execute_script(
            "return [...document.querySelectorAll('form.exercise .pacer__toggle')].map(e => e.id)")
        assert notes_out_of_place(engine) == [], f"{path}: a note shows before any answer"
        for radio in radios:
            focus(engine, f"#{radio}")
            press(engine, Keys.SPACE)
            assert notes_out_of_place(engine) == [], f"{path}: after #{radio}"
            notes_seen += len(shown(engine, "form.exercise .reflection"))
        guides += len(toggles)
        for toggle in toggles:
            moving = f".pacer:has(#{toggle}) :is(.pacer__stage, .pacer__instructions)"
            still = f".pacer:has(#{toggle}) .pacer__still"
            assert shown(engine, moving) == [] and shown(engine, still), \
                f"{path}: the breathing guide moves before it is turned on"
            focus(engine, f"#{toggle}")
            press(engine, Keys.SPACE)
            if engine.execute_script("return matchMedia('(prefers-reduced-motion: reduce)')"
                                     ".matches"):
                assert shown(engine, moving) == [], f"{path}: the guide moves for reduced motion"
            else:
                assert len(shown(engine, moving)) == 2 and shown(engine, still) == [], \
                    f"{path}: the breathing guide does not show once turned on"
            press(engine, Keys.SPACE)
            assert shown(engine, moving) == [] and shown(engine, still), \
                f"{path}: the guide keeps moving once turned off"
        visit.assert_nothing_sent_and_still_here()
    if notes_seen == guides == 0:
        pytest.skip("no exercise of the site under test has notes or a breathing guide")


def notes_out_of_place(driver) -> list[str]:
    """Each check-in note shown for an answer not chosen, or hidden for one that is."""
    return driver.execute_script(f"const visible = {VISIBLE};" + """
        const wrong = [];
        document.querySelectorAll('form.exercise .scale-item').forEach((item, number) => {
          const chosen = item.querySelector('input:checked');
          item.querySelectorAll('.reflection').forEach(note => {
            const wanted = !!chosen && chosen.value === note.dataset.forValue;
            const showing = visible(note);
            if (wanted !== showing) wrong.push(`item ${number + 1}, note for answer `
              + `${note.dataset.forValue}: ${showing ? 'shown' : 'hidden'}`);
          });
        });
        return wrong;""")


@pytest.mark.parametrize("engine", [WEBKIT, FIREFOX], indirect=True)
def test_start_again_then_clear_empties_every_field_without_script(engine, recording_server,
                                                                   exercises):
    from selenium.webdriver.common.keys import Keys

    for path in exercises:
        visit = Visit(engine, recording_server, path)
        fields = engine.execute_script(
            "return [...document.querySelectorAll('form.exercise :is(textarea, input)')]"
            ".map(e => [e.id, e.type])")
        for field_id, kind in fields:
            focus(engine, f"#{field_id}")
            answer_by_keyboard(engine, kind)
        filled = answers(engine)
        # Every box holds an answer, every checkbox and one radio of each group are ticked.
        choices = engine.execute_script(
            "return new Set([...document.querySelectorAll('form.exercise input')]"
            f".filter(e => e.type === 'checkbox' || e.type === 'radio').map({CONTROL_KEY})).size")
        assert all(filled["values"].values()) and len(filled["ticked"]) == choices, \
            f"{path}: the fields could not all be filled in"
        # One stray tap never wipes the page: Clear shows only after "Start again".
        assert shown(engine, "form.exercise button[type=reset]") == [], \
            f"{path}: Clear shows before Start again"
        focus(engine, "form.exercise .exercise__clear summary")
        press(engine, Keys.ENTER)
        assert shown(engine, "form.exercise button[type=reset]"), f"{path}: Start again is shut"
        focus(engine, "form.exercise button[type=reset]")
        press(engine, Keys.ENTER)
        cleared = answers(engine)
        assert [key for key, value in cleared["values"].items() if value] == [], \
            f"{path}: Clear left answers"
        assert cleared["ticked"] == [], f"{path}: Clear left choices ticked"
        assert shown(engine, "form.exercise .reflection") == [], f"{path}: Clear left notes"
        visit.assert_nothing_sent_and_still_here()


@pytest.mark.parametrize("engine", [FIREFOX, FIREFOX_WITHOUT_FIELD_SIZING], indirect=True)
def test_printed_exercise_keeps_every_word_typed_and_its_address(engine, recording_server,
                                                                exercises):
    # WebKit's driver cannot print; Firefox with and without field-sizing stands for both.
    for path in exercises:
        Visit(engine, recording_server, path)
        boxes = engine.find_elements("css selector", "form.exercise textarea")
        for number, box in enumerate(boxes):
            # Put in whole (as pasted): typing 80 words into every box adds nothing to print.
            answer = " ".join(f"w{number}x{word}" for word in range(1, 81)) + f" END{number}"
            engine.execute_script("arguments[0].value = arguments[1]", box, answer)
        text = page_text_of_pdf(engine.print_page())
        missing_ends = [f"END{number}" for number in range(len(boxes))
                        if f"END{number}" not in text]
        assert missing_ends == [], f"{path}: answers cut off in print"
        assert path in text.replace(" ", ""), f"{path}: the printout does not give its address"


@pytest.mark.parametrize("engine", [WEBKIT_WITHOUT_FIELD_SIZING, FIREFOX_WITHOUT_FIELD_SIZING],
                         indirect=True)
def test_a_long_answer_stays_readable_without_field_sizing(engine, recording_server, exercises):
    """Without field-sizing a text box cannot grow with its answer: it must scroll instead,
    keep the newest words in view while typing, and keep every word."""
    long_answer = " ".join(f"word{number}" for number in range(1, 121))
    for path in exercises:
        Visit(engine, recording_server, path)
        boxes = engine.find_elements("css selector", "form.exercise textarea")
        for box in boxes:
            engine.execute_script("arguments[0].value = arguments[1]", box, long_answer)
        # The last words typed by keyboard, at the end of the smallest box.
        smallest = min(boxes, key=lambda box: box.size["height"])
        engine.execute_script("const e = arguments[0]; e.focus(); "
                              "e.setSelectionRange(e.value.length, e.value.length)", smallest)
        press(engine, " THE-END")
        assert smallest.get_property("value") == long_answer + " THE-END", \
            f"{path}: the box lost what was typed"
        # The box follows the caret, a moment after the key in WebKit: most of the line typed on
        # is in view (engines reveal the caret, not always the whole line's spacing).
        deadline = time.monotonic() + 2
        while not engine.execute_script(f"return ({END_IN_VIEW})(arguments[0], 0.5)", smallest):
            assert time.monotonic() < deadline, f"{path}: the words being typed are out of view"
            time.sleep(0.05)
        readable = engine.execute_script(f"const endInView = {END_IN_VIEW};" + """
            return [...document.querySelectorAll('form.exercise textarea')].map(e => {
              if (e.scrollHeight <= e.clientHeight + 1) return true;  // it fits
              // Clipped, a box scrolls for the caret only, never for a finger or a wheel.
              if (['hidden', 'clip'].includes(getComputedStyle(e).overflowY)) return false;
              e.scrollTop = e.scrollHeight;
              return endInView(e, 0);
            });""")
        assert all(readable), f"{path}: a long answer cannot be scrolled through"
