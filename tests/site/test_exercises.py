"""Exercises, used as a person would: in real headless Chromium with JavaScript off, by
keyboard, printed to PDF, and checked by axe-core."""


import pytest
import yaml

from conftest import PROJECT, axe_audit, open_without_javascript, pdf_text, read_html

FORMS = [
    "/exercises/self-compassion-in-a-difficult-moment/",
    "/exercises/the-self-compassion-break/",
    "/exercises/self-kindness-check-in/",
]
GUIDE = "/exercises/what-am-i-feeling/"
GUIDE_ES = "/es/exercises/what-am-i-feeling/"
CHECK_IN = "/exercises/self-kindness-check-in/"
WORKSHEET = "/exercises/self-compassion-in-a-difficult-moment/"


def guide_pages(guide: str = GUIDE) -> set[str]:
    data = yaml.safe_load((PROJECT / "docs/_data/feelings.yml").read_text())
    return {f"{guide}{entry['id']}/" for entry in data["groups"] + data["feelings"]} | {guide}


def all_exercise_pages() -> list[str]:
    return FORMS + sorted(guide_pages())


def accessible_text(context, page) -> str:
    """All the text in Chromium's accessibility tree, as assistive technology receives it."""
    session = context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    names = [node.get("name", {}).get("value", "") for node in nodes
             if node.get("role", {}).get("value") in ("StaticText", "InlineTextBox")]
    return " ".join(" ".join(names).split())


# --- What the built pages promise -----------------------------------------------------------

@pytest.mark.parametrize("path", all_exercise_pages() + sorted(guide_pages(GUIDE_ES)))
def test_exercise_pages_have_no_script_and_a_policy_that_forbids_scripts_and_sending(site, path):
    soup = read_html(site, path)
    assert [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"] == []
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "script-src 'none'" in policy and "form-action 'none'" in policy
    assert "default-src 'none'" in policy


@pytest.mark.parametrize("path", FORMS)
def test_every_field_has_a_label_and_grouped_choices_have_a_legend(site, path):
    soup = read_html(site, path)
    form = soup.select_one("form.exercise")
    assert form is not None and not form.get("action") and not form.get("method")
    controls = form.select("textarea, input")
    assert controls
    for control in controls:
        assert soup.select_one(f'label[for="{control["id"]}"]'), control["id"]
        for hint in (control.get("aria-describedby") or "").split():
            assert soup.find(id=hint), hint
    for choice in form.select("input[type=radio], input[type=checkbox]"):
        if "pacer__toggle" in choice.get("class", []):
            continue
        fieldset = choice.find_parent("fieldset")
        assert fieldset and fieldset.find("legend").get_text(strip=True), choice["id"]
    for group in form.select("fieldset[aria-describedby]"):
        assert soup.find(id=group["aria-describedby"])


@pytest.mark.parametrize("path", FORMS)
def test_exercise_pages_say_nothing_is_sent_and_offer_help_and_a_way_to_stop(site, path):
    soup = read_html(site, path)
    notice = soup.select_one(".exercise-notice").get_text(" ")
    assert "never sent anywhere" in notice
    # Answers come back after Back (issue 13), and the note says how to clear them.
    assert "Back button" in notice and "shared device" in notice
    assert "fine to stop" in notice
    assert soup.select_one(".exercise-notice a[href$='help/']")
    assert soup.select_one("form.exercise button[type=reset]").get_text(strip=True) == \
        "Clear my answers"


def test_check_in_is_a_reflection_with_no_bands_norms_or_labels(site):
    soup = read_html(site, CHECK_IN)
    text = " ".join(soup.select_one("article").get_text(" ").split()).lower()
    assert "not a test" in text
    for forbidden in ("low self-compassion", "high self-compassion", "your score means",
                      "average", "normal range", "diagnos"):
        assert forbidden not in text.replace("does not measure or diagnose", ""), forbidden
    assert soup.select_one('a[href="https://self-compassion.org/self-compassion-test/"]')


def test_self_compassion_break_has_neffs_phrase_and_alternatives_to_touch(site):
    soup = read_html(site, "/exercises/the-self-compassion-break/")
    text = " ".join(soup.get_text(" ").split())
    assert "This is a moment of suffering." in text
    assert "No touch, just a slow breath out" in text
    assert soup.select_one(".pacer .pacer__toggle")


# --- In the browser, with JavaScript off ----------------------------------------------------

def test_check_in_shows_a_note_for_each_answer_and_never_a_total(browser, server):
    context, page, log = open_without_javascript(browser, server, CHECK_IN)
    answers = {"noticed": 3, "kind-voice": 1, "rest": 2, "not-alone": 0, "comfort": 3}
    for item, value in answers.items():
        page.focus(f"#f-check-in-{item}-{value}")
        page.keyboard.press("Space")
    # A number would read as a grade, on a page that says it measures nothing.
    total = sum(answers.values())
    assert f"{total} out of 15" not in accessible_text(context, page)
    printed = pdf_text(page)
    assert "out of 15" not in printed and "total so far" not in printed.lower()
    # Each reflection belongs to the answer chosen, never to the total.
    shown = page.eval_on_selector_all(
        ".reflection", "els => els.filter(e => getComputedStyle(e).display !== 'none')"
        ".map(e => e.closest('fieldset').querySelector('input').name + '=' + e.dataset.forValue)")
    assert sorted(shown) == sorted(f"check-in-{item}={value}" for item, value in answers.items())
    assert log["requests"] == [] and log["console"] == []
    context.close()


def test_a_printed_spanish_feeling_keeps_its_words_and_the_spanish_help_numbers(browser, server):
    context, page, log = open_without_javascript(browser, server, GUIDE_ES + "sadness/")
    printed = " ".join(pdf_text(page).split())
    # The care note too: on a page without a privacy note it is the notice's only paragraph.
    for words in ("Tristeza", "Algo que puede probar ahora", "Si necesita ayuda ahora",
                  "Al principio, esto puede resultar incómodo",
                  "Los números de ayuda están al final de la hoja",
                  "llame al 988 y oprima el 2", GUIDE_ES + "sadness/"):
        assert words in printed.replace(GUIDE_ES + "sadness /", GUIDE_ES + "sadness/"), words
    assert "Read this page in English" not in printed
    assert log["requests"] == [] and log["console"] == []
    context.close()


def test_printed_handout_has_every_answer_in_full_the_address_and_help_numbers(browser, server):
    context, page, _ = open_without_javascript(browser, server, WORKSHEET)
    long_answer = " ".join(f"word{number}" for number in range(1, 401)) + " THE-VERY-END"
    page.fill("#f-makes-sense", long_answer)
    page.fill("#f-body", "A tight chest and heavy shoulders")
    page.check("#f-feelings-2")
    text = pdf_text(page)
    assert all(f"word{number}" in text for number in range(1, 401))
    assert "THE-VERY-END" in text
    assert "A tight chest and heavy shoulders" in text
    assert "If you need help now" in text  # the share panel prints without its screen summary
    assert WORKSHEET in text.replace(" ", "")  # a long address may wrap onto the next line
    assert "988" in text and "116 123" in text and "911" in text
    assert "Clear my answers" not in text
    # Blank answers print as ruled space for handwriting.
    blank = page.eval_on_selector("#f-what-happened", "e => { const s = getComputedStyle(e); "
                                  "return [s.backgroundImage, parseFloat(s.height)]; }")
    assert "repeating-linear-gradient" in blank[0] and blank[1] > 80
    context.close()


def test_printed_handout_has_no_navigation(browser, server):
    context, page, _ = open_without_javascript(browser, server, WORKSHEET)
    page.emulate_media(media="print")
    hidden = page.eval_on_selector_all(
        ".md-header, .md-sidebar, .md-footer",
        "els => els.every(e => getComputedStyle(e).display === 'none')")
    assert hidden
    context.close()


def test_clear_my_answers_empties_the_form_without_script(browser, server):
    context, page, log = open_without_javascript(browser, server, WORKSHEET)
    address = page.url
    page.fill("#f-body", "Something typed")
    page.check("#f-feelings-1")
    page.check("#f-gesture-3")
    page.click("form.exercise .exercise__clear summary")
    page.focus("form.exercise button[type=reset]")
    page.keyboard.press("Enter")
    assert page.input_value("#f-body") == ""
    assert page.eval_on_selector_all("form.exercise input:checked", "els => els.length") == 0
    assert page.url == address and log["requests"] == [] and log["console"] == []
    context.close()


@pytest.mark.parametrize("guide", [GUIDE, GUIDE_ES], ids=["english", "spanish"])
def test_every_feelings_page_is_reachable_from_the_start_and_leads_back(browser, server, guide):
    context, page, _ = open_without_javascript(browser, server, guide)
    to_visit, seen = [guide], set()
    while to_visit:
        path = to_visit.pop()
        if path in seen:
            continue
        seen.add(path)
        page.goto(server + path)
        links = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
        for link in links:
            target = link.replace(server, "").split("#")[0]
            if target.startswith(guide) and target not in seen:
                to_visit.append(target)
        if path != guide:
            assert any(link.replace(server, "") == guide for link in links), path
    assert seen == guide_pages(guide)
    context.close()


@pytest.mark.parametrize("motion, moving", [("no-preference", True), ("reduce", False)])
def test_breathing_pacer_moves_only_when_turned_on_and_motion_is_welcome(browser, server,
                                                                        motion, moving):
    context, page, _ = open_without_javascript(browser, server, "/exercises/the-self-compassion-break/",
                                               reduced_motion=motion)
    circle = ".pacer__circle"
    assert page.eval_on_selector(circle, "e => getComputedStyle(e).animationName") == "none"
    # Words for what the reader sees: counting while nothing moves, the circle's while it does.
    assert page.is_visible(".pacer__still") and not page.is_visible(".pacer__instructions")
    page.check(".pacer__toggle")
    name = page.eval_on_selector(circle, "e => getComputedStyle(e).animationName")
    visible = page.is_visible(circle)
    assert (name == "pacer-breathe" and visible) == moving
    assert page.is_visible(".pacer__instructions") == moving
    assert page.is_visible(".pacer__still") != moving
    context.close()


def test_printed_breathing_guide_gives_words_that_work_without_the_moving_circle(browser, server,
                                                                              site):
    path = "/exercises/the-self-compassion-break/"
    pacer = read_html(site, path).select_one(".pacer")
    still = " ".join(pacer.select_one(".pacer__still").get_text().split())
    moving = " ".join(pacer.select_one(".pacer__instructions").get_text().split())
    label = pacer.select_one("label").get_text().strip()
    context, page, _ = open_without_javascript(browser, server, path)
    page.check(".pacer__toggle")  # turned on or not, paper cannot move
    printed = pdf_text(page)
    assert still in printed
    assert moving not in printed and label not in printed
    context.close()


@pytest.mark.parametrize("path", all_exercise_pages())
def test_axe_finds_no_accessibility_violations_light_or_dark(browser, server, path):
    # These pages run no script; axe is put in by the test runner, past the page's policy.
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + path)
    failures = axe_audit(page, path, [("light", (1280, 720)), ("dark", (1280, 720)),
                                      ("dark", (320, 640))])
    context.close()
    assert failures == []


@pytest.mark.parametrize("path", FORMS)
def test_exercise_pages_give_no_reading_time_since_they_are_done_not_read(site, path):
    byline = read_html(site, path).select_one(".byline").get_text(" ")
    assert "min read" not in byline and "Not yet reviewed by a clinician" in byline


def test_a_printed_handout_says_which_key_to_press_for_a_line_that_needs_one(site):
    footer = " ".join(read_html(site, "/exercises/my-safety-plan/").select_one(
        ".handout-footer").get_text(" ").split())
    assert "call 988 and press 1" in footer and "call 988 and press 2" in footer, footer


def test_the_safety_plan_shows_the_help_lines_in_its_own_step_so_no_one_leaves_a_half_written_plan(site):
    soup = read_html(site, "/exercises/my-safety-plan/")
    step = soup.select_one("section[aria-labelledby=professionals]")
    lines = step.select_one(".exercise__help-lines")
    assert lines and lines.select_one('a.help-number[href^="tel:"]'), "no help lines in step 5"
    assert step.select_one("[name=emergency]")
