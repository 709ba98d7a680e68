"""The engine's gate for exercise pages, on every exercise of the site under test: used by
keyboard with JavaScript off, nothing a reader types is ever sent, Clear empties the form, and a
printed page keeps every word typed."""

import pytest

from conftest import open_without_javascript, pages_with, pdf_text, read_html


def exercise_pages(site) -> list[str]:
    return pages_with(site, "form.exercise")


@pytest.fixture(scope="module")
def exercises(site):
    pages = exercise_pages(site)
    if not pages:
        pytest.skip("the site under test has no exercise page")
    return pages


def test_keyboard_reaches_every_field_and_enter_never_sends_or_logs(browser, server, exercises):
    for path in exercises:
        keyboard_through_the_form(browser, server, path)


def keyboard_through_the_form(browser, server, path):
    """Tab to every control, type or tick it, and press Enter on each: nothing is sent."""
    context, page, log = open_without_javascript(browser, server, path)
    address = page.url
    expected = page.eval_on_selector_all(
        "form.exercise textarea, form.exercise input, form.exercise summary, "
        "form.exercise button[type=reset]",
        "els => els.map(e => e.id || e.type || e.parentElement.className)")
    reached = []
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('form.exercise') ? "
                                "(document.activeElement.id || document.activeElement.type || "
                                "(document.activeElement.tagName == 'SUMMARY' ? "
                                "document.activeElement.parentElement.className : null)) : null")
        if focused and focused not in reached:
            reached.append(focused)
            tag = page.evaluate("document.activeElement.tagName")
            kind = page.evaluate("document.activeElement.type")
            if tag == "TEXTAREA":
                page.keyboard.type("A few words typed by keyboard.")
            elif kind in ("checkbox", "radio"):
                page.keyboard.press("Space")
            if kind != "reset":
                page.keyboard.press("Enter")
        if focused == "reset":
            break
    # Radios of one group share a single tab stop; every other control is reached by Tab.
    groups = page.eval_on_selector_all("form.exercise input[type=radio]",
                                       "els => [...new Set(els.map(e => e.name))]")
    radio_ids = set(page.eval_on_selector_all("form.exercise input[type=radio]",
                                              "els => els.map(e => e.id)"))
    non_radio = [item for item in expected if item not in radio_ids]
    assert [item for item in reached if item not in radio_ids] == non_radio
    assert len([item for item in reached if item in radio_ids]) == len(groups)
    assert page.url == address
    assert log["requests"] == [] and log["console"] == []
    context.close()


def test_clear_empties_every_field_without_script(browser, server, exercises):
    for path in exercises:
        context, page, log = open_without_javascript(browser, server, path)
        address = page.url
        page.eval_on_selector_all("form.exercise textarea", "els => els.forEach(e => e.value = 'x')")
        for box in page.query_selector_all("form.exercise input[type=checkbox]"):
            box.check()
        # One stray tap never wipes the page: the button shows only after "Start again".
        assert not page.is_visible("form.exercise button[type=reset]"), path
        page.focus("form.exercise .exercise__clear summary")
        page.keyboard.press("Enter")
        page.focus("form.exercise button[type=reset]")
        page.keyboard.press("Enter")
        typed = page.eval_on_selector_all("form.exercise textarea", "els => els.filter(e => e.value)")
        checked = page.eval_on_selector_all("form.exercise input:checked", "els => els.length")
        assert (typed, checked) == ([], 0), path
        assert page.url == address and log["requests"] == [] and log["console"] == [], path
        context.close()


def test_printed_exercise_keeps_every_word_typed_and_leads_back(browser, server, exercises):
    for path in exercises:
        context, page, _ = open_without_javascript(browser, server, path)
        fields = page.eval_on_selector_all("form.exercise textarea", "els => els.map(e => e.id)")
        for number, field in enumerate(fields):
            answer = " ".join(f"w{number}x{word}" for word in range(1, 81)) + f" END{number}"
            page.fill(f"#{field}", answer)
        text = pdf_text(page)
        missing = [f"END{number}" for number in range(len(fields)) if f"END{number}" not in text]
        assert missing == [], f"{path}: answers cut off in print"
        assert path in text.replace(" ", ""), f"{path}: the printout does not give its address"
        context.close()


def test_no_text_box_offers_the_browser_an_online_spelling_service(site, exercises):
    # Some browsers' enhanced spell check sends what is typed to an online service.
    for path in exercises:
        for box in read_html(site, path).select("form.exercise textarea, form.exercise input"):
            if box.name == "textarea" or box.get("type") == "text":
                assert box.get("spellcheck") == "false", f"{path}: {box.get('id')}"
