"""The engine's gate for handouts and sharing, on every guide and exercise of the site under
test: the ready-made PDF (tagged, titled, in the page's language, with a QR code a phone reads),
a short link for every step that previews as the step, a share panel closed on screens but
printed, paper without focus rings and with lines to write on, and answers that survive a
trip to another page and back."""

import re

import pytest
from pypdf import PdfReader

from conftest import (REDIRECT, all_page_paths, build_site, engine_words, fixture_site,
                      handout_pdf, open_without_javascript, pages_with, pdf_text, printed,
                      qr_codes_on_paper, read_html)





@pytest.fixture(scope="module")
def handout_pages(site):
    pages = pages_with(site, ".handout-link a")
    if not pages:
        pytest.skip("the site under test has no guide or exercise")
    return pages


def test_every_handout_pdf_is_tagged_titled_and_leads_back_by_qr_code(site, handout_pages,
                                                                      tmp_path):
    for path in handout_pages:
        soup = read_html(site, path)
        file = handout_pdf(site, path)
        reader = PdfReader(file)
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root, path
        assert root["/Lang"] == soup.html["lang"], path
        assert reader.metadata.title == soup.title.get_text(), path
        assert len(reader.pages) <= 3, f"{path}: the PDF has {len(reader.pages)} pages"
        address = soup.select_one('link[rel="canonical"]')["href"]
        text = " ".join(page.extract_text() for page in reader.pages)
        assert address in text.replace("\n", ""), f"{path}: the PDF does not give its address"
        assert engine_words(soup.html["lang"])["handout_help_heading"] in text, path
        # The QR code, as a phone camera would read it from the printed page.
        read = qr_codes_on_paper(file, tmp_path)
        assert read == [address], f"{path}: the QR codes read {read}"


def test_no_help_number_is_split_across_two_lines_of_paper(browser, server, site, handout_pages):
    """In the ready-made PDFs, and in each language's first handout as a reader prints it."""
    papers_of = {path: [PdfReader(handout_pdf(site, path))] for path in handout_pages}
    first_in_each_language = {}
    for path in handout_pages:
        first_in_each_language.setdefault(read_html(site, path).html["lang"], path)
    for path in first_in_each_language.values():
        context, page, _ = open_without_javascript(browser, server, path)
        papers_of[path] += [printed(page, paper) for paper in ("Letter", "A4")]
        context.close()
    for path, papers in papers_of.items():
        footer = " ".join(read_html(site, path).select_one(".handout-footer").get_text(" ").split())
        numbers = set(re.findall(r"\d+(?:[ -]\d+)+", footer))  # "1-800-668-6868", "116 123"
        for paper in papers:
            lines = [" ".join(line.split()) for sheet in paper.pages
                     for line in sheet.extract_text().splitlines()]
            split = sorted(number for number in numbers
                           if not any(number in line for line in lines))
            assert split == [], f"{path}: these help numbers are split across two lines: {split}"


def test_drawings_in_a_handout_pdf_keep_the_grey_fills_they_have_on_paper(site, handout_pages):
    grey = "0.733333 0.733333 0.733333 rg"  # print.css fills a drawing's .accent parts #bbb
    drawn = [path for path in handout_pages
             if read_html(site, path).select(".drawing__svg .accent")]
    for path in drawn:
        pages = PdfReader(handout_pdf(site, path)).pages
        drawing = "".join(page.get_contents().get_data().decode("latin-1") for page in pages)
        assert grey in drawing, f"{path}: the PDF draws its drawing without fills"


def test_every_step_has_a_short_link_that_previews_as_the_step(site, handout_pages):
    for path in handout_pages:
        soup = read_html(site, path)
        description = soup.select_one('meta[name="description"]')["content"]
        steps = soup.select(".share-panel__steps li")
        anchors = ([section["id"] for section in soup.select("form.exercise section h2")]
                   or [h2["id"] for h2 in soup.select("article h2[id^='step-']")])
        assert len(steps) == len(anchors) > 0, f"{path}: {len(steps)} step links, {anchors}"
        for step, anchor in zip(steps, anchors):
            short = step.select_one(".share-panel__address").get_text()
            redirect = read_html(site, "/" + short.split("/", 3)[3])
            heading = soup.find(id=anchor).get_text(" ", strip=True).rstrip("¶").strip()
            title = redirect.select_one('meta[property="og:title"]')["content"]
            assert title.startswith(heading), f"{short}: previews as {title!r}"
            assert redirect.select_one('meta[property="og:description"]')["content"] == \
                description, short
            assert redirect.select_one(REDIRECT)["content"].endswith(
                f"#{anchor}"), short


def test_share_panel_is_closed_on_screens_printed_on_paper_and_copies_in_two_taps(
        browser, server, handout_pages):
    path = handout_pages[0]
    context, page, _ = open_without_javascript(browser, server, path)
    panel = page.locator("details.share-panel")
    assert panel.get_attribute("open") is None
    assert not page.locator(".share-panel__addresses").is_visible()
    # Without script: no Copy button, and one tap selects the whole address.
    page.locator("details.share-panel > summary").focus()
    page.keyboard.press("Enter")
    assert page.locator(".share-panel__addresses").is_visible()
    assert not page.locator(".share-panel__copy").first.is_visible()
    page.locator(".share-panel__address").first.click()
    selected = page.evaluate("getSelection().toString()")
    assert selected == page.locator(".share-panel__address").first.inner_text(), selected
    page.keyboard.press("Escape")
    page.reload()
    assert page.locator("details.share-panel").get_attribute("open") is None
    address = page.locator('link[rel="canonical"]').get_attribute("href")
    assert address in pdf_text(page).replace(" ", "")  # printed although closed
    context.close()


def test_copy_button_copies_the_address_where_the_page_runs_script(browser, server, site):
    scripted = [path for path in all_page_paths(site)
                if read_html(site, path).select_one(".share-panel__copy")
                and read_html(site, path).select_one("script[src*='bundle']")]
    if not scripted:
        pytest.skip("no page with script has a share panel")
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + scripted[0])
    page.locator("details.share-panel > summary").click()
    button = page.locator(".share-panel__copy").first
    assert button.is_visible()
    button.click()
    page.wait_for_timeout(300)
    assert page.evaluate("navigator.clipboard.readText()") == button.get_attribute(
        "data-clipboard-text")
    context.close()


def test_paper_has_no_focus_ring_or_caret_and_lines_in_every_blank_field(browser, server, site):
    for path in pages_with(site, "form.exercise textarea"):
        context, page, _ = open_without_javascript(browser, server, path)
        page.locator("form.exercise textarea").last.focus()
        page.emulate_media(media="print")
        styles = page.eval_on_selector_all("form.exercise textarea", """els => els.map(e => {
            const s = getComputedStyle(e);
            return [s.outlineStyle, s.caretColor, s.backgroundImage !== 'none']; })""")
        for outline, caret, lined in styles:
            assert outline == "none" and caret == "rgba(0, 0, 0, 0)" and lined, (path, styles)
        size = page.eval_on_selector(".handout-footer li", "e => getComputedStyle(e).fontSize")
        assert float(size[:-2]) >= 13.3, f"{path}: help numbers print at {size}"  # 10 pt
        heading = page.eval_on_selector(".handout-footer h2", "e => e.textContent")
        words = engine_words(page.locator("html").get_attribute("lang"))
        assert heading == words["handout_help_heading"], heading
        context.close()


def test_answers_are_still_there_after_getting_help_and_coming_back(browser, server, site):
    exercises = pages_with(site, "form.exercise textarea")
    if not exercises:
        pytest.skip("no exercise with a text box")
    context, page, _ = open_without_javascript(browser, server, exercises[0])
    box = page.locator("form.exercise textarea").first
    box.fill("Words I do not want to lose.")
    words = engine_words(page.locator("html").get_attribute("lang"))
    page.locator(".md-header a", has_text=words["help_link"]).first.click()
    page.wait_for_load_state()
    page.go_back()
    page.wait_for_load_state()
    assert page.locator("form.exercise textarea").first.input_value() == \
        "Words I do not want to lose."
    context.close()


def test_print_and_save_steps_open_by_keyboard_beside_clear(browser, server, site):
    exercises = pages_with(site, "form.exercise")
    if not exercises:
        pytest.skip("no exercise")
    context, page, _ = open_without_javascript(browser, server, exercises[0])
    page.locator(".exercise__keep > summary").focus()
    page.keyboard.press("Enter")
    steps = page.locator(".exercise__keep li")
    assert steps.count() == 3 and steps.first.is_visible()
    text = page.locator(".exercise__keep").inner_text()
    words = engine_words(page.locator("html").get_attribute("lang"))
    assert all(words[f"exercise_keep_{device}_name"] in text
               for device in ("iphone", "android", "computer")), text
    assert page.locator(".exercise__keep .handout-link a").is_visible()
    context.close()


def paper_sizes(site) -> set[tuple[int, int]]:
    """The page sizes of every PDF of a built site, in points."""
    return {(round(page.mediabox.width), round(page.mediabox.height))
            for pdf in site.rglob("*.pdf") for page in PdfReader(pdf).pages}


def test_handouts_come_on_the_chosen_paper_can_be_skipped_and_a_wrong_setting_is_named(
        tmp_path):
    project = fixture_site(tmp_path / "project")
    made = build_site(project, tmp_path / "with", SITE_HANDOUTS="")
    assert made.returncode == 0, made.stderr
    assert sorted(path.name for path in (tmp_path / "with").rglob("*.pdf"))
    assert paper_sizes(tmp_path / "with") == {(612, 792)}  # Letter, the engine's default
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("extra:\n", "extra:\n  handout_paper: A4\n", 1))
    on_a4 = build_site(project, tmp_path / "a4", SITE_HANDOUTS="")
    assert on_a4.returncode == 0, on_a4.stderr
    assert paper_sizes(tmp_path / "a4") == {(595, 842)}
    skipped = build_site(project, tmp_path / "without", SITE_HANDOUTS="skip")
    assert skipped.returncode == 0, skipped.stderr
    assert list((tmp_path / "without").rglob("*.pdf")) == []
    assert not any(read_html(tmp_path / "without", path).select(".handout-link, "
                                                                 "a[type='application/pdf']")
                   for path in all_page_paths(tmp_path / "without"))
    wrong = build_site(project, tmp_path / "wrong", SITE_HANDOUTS="no")
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr
    assert "SITE_HANDOUTS='no' is not a choice" in wrong.stderr
    assert "SITE_HANDOUTS=skip" in wrong.stderr
