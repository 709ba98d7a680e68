"""Each kind of page gets only the CSS it uses (hooks/lean_styles.py), without its templates'
indentation (hooks/compact_html.py), and looks exactly as it does with the full style sheets and
the HTML as written: every element's computed style, and the text a reader sees, are compared,
page by page, between the site as built and the same site built with SITE_LEAN_STYLES=off and
SITE_COMPACT_HTML=off, in each state a reader can bring about, and as the page first paints,
before its later sheet has come."""

import sys

import pytest

from conftest import (PROJECT, REDIRECT, SITE_PROJECT, assert_wrong_switch_stops_the_build,
                      build_site, fixture_site, one_page_of_each_kind, read_html, serving)

sys.path.insert(0, str(PROJECT / "hooks"))
import lean_styles  # noqa: E402

# Every element's computed style (and its ::before, ::after, ::marker and ::placeholder where it
# has one), as {"where": a hash of the style}, or, given the places, {"where": the style}.
# Custom properties are left out: the trimmed sheet drops those nothing uses, and one that is
# used shows in the properties that use it. Parts not shown (display: none, or inside such a
# part) count only as not shown. `scope` is "page" (<html>, <body> and all it holds;
# <head> differs by its links) or "focus" (the focused element and its ancestors).
SNAPSHOT = """([scope, places]) => {
  const styles = {};
  const pseudos = el => {
    const kinds = ['::before', '::after'];
    if (el.matches('li, summary')) kinds.push('::marker');
    if (el.matches('input, textarea')) kinds.push('::placeholder');
    return kinds;
  };
  const hash = text => {
    let value = 2166136261;
    for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 16777619);
    return (value >>> 0).toString(36) + ':' + text.length;
  };
  // Every standard property, read by its camel-case name (three times faster than by index).
  const names = [...getComputedStyle(document.documentElement)].filter(n => !n.startsWith('--'));
  const keys = names.map(n => n.replace(/-([a-z])/g, (_, c) => c.toUpperCase()));
  const read = style => keys.map((key, i) => names[i] + ':' + style[key]).join(';');
  const keep = (where, style) => {
    if (!places) styles[where] = hash(read(style));
    else if (places.includes(where)) styles[where] = read(style);
  };
  // Style sheet links differ by design (the trimmed pages link theirs at the end of <body>).
  let elements = [document.documentElement, document.body,
                  ...document.body.querySelectorAll(':not(link[rel=stylesheet])')];
  if (scope === 'focus') {
    const chain = new Set();
    for (let el = document.activeElement; el; el = el.parentElement) chain.add(el);
    elements = elements.map(el => chain.has(el) ? el : null);
  }
  elements.forEach((el, index) => {
    if (!el) return;
    // What is not shown is compared only as not shown: a script may size a hidden part, such
    // as the side menu in print, at any moment, and a reader sees none of it.
    if (!el.checkVisibility()) { if (!places) styles[index + ' hidden'] = 'hidden'; return; }
    const where = index + ' ' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className.trim()
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    keep(where, getComputedStyle(el));
    for (const pseudo of pseudos(el)) {
      const style = getComputedStyle(el, pseudo);
      if ((pseudo === '::before' || pseudo === '::after') && style.content === 'none') continue;
      keep(where + pseudo, style);
    }
  });
  return styles;
}"""

# Transitions and animations brought to their end (a running one is stopped at its start), so
# two pages are compared at rest, not part-way through a fade.
AT_REST = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch (error) { animation.currentTime = 0; animation.pause(); }
  }
  done();
})))"""

SCREENS = {"320": {"width": 320, "height": 640}, "1280": {"width": 1280, "height": 720}}
# The states a reader can bring about, (name, screen, colour scheme, reduced motion, media),
# combined so that each is seen once: light and dark, 320 px and 1280 px, reduced motion and
# print; keyboard focus below. (Colours differ by scheme, not by width.)
STATES = [
    ("light, 1280 px", "1280", "light", "no-preference", "screen"),
    ("dark, reduced motion, 320 px", "320", "dark", "reduce", "screen"),
    ("print", "1280", "light", "no-preference", "print"),
]
# With scripts blocked, a page shows its no-script parts (the menu works without them).
STATES_WITHOUT_SCRIPTS = [("light, 320 px", "320", "light", "no-preference", "screen")]
# As a page first paints: no script has run yet and its later sheet has not come.
FIRST_PAINT_STATES = [
    ("first paint, light, 1280 px", "1280", "light", "no-preference", "screen"),
    ("first paint, dark, 320 px", "320", "dark", "no-preference", "screen"),
]
LATER_SHEET = "**/*.later.lean.css"
TAB_STOPS = 8  # keyboard focus: the focused element, at each of the first tab stops (320 px)
# The pages run in three parts, so that a long run of other tests can go on beside them.
RUNS = [("running", 0), ("running", 1), ("blocked", None)]


@pytest.fixture(scope="module")
def twin_sites(tmp_path_factory):
    """The site as built, and the same site built with every page on the full style sheets and
    as its templates write it (both without the PDF handouts, which take long and change no
    page's style)."""
    sites = []
    for name, switch in (("lean", ""), ("full", "off")):
        site_dir = tmp_path_factory.mktemp(f"{name}-styles")
        result = build_site(SITE_PROJECT, site_dir, SITE_LEAN_STYLES=switch,
                            SITE_COMPACT_HTML=switch)
        assert result.returncode == 0, result.stderr
        sites.append(site_dir)
    with serving(sites[0]) as lean, serving(sites[1]) as full:
        yield sites[0], lean, full


@pytest.mark.xdist_group("lean-styles")  # one process builds the two sites once
@pytest.mark.parametrize("scripts, half", RUNS)
def test_every_kind_of_page_looks_the_same_with_only_the_css_it_uses(browser, twin_sites,
                                                                     scripts, half):
    site_dir, lean, full = twin_sites
    pages = [path for path in one_page_of_each_kind(site_dir).values()
             if not read_html(site_dir, path).select_one(REDIRECT)]
    if scripts == "blocked":  # only pages that run scripts look different without them
        pages = [path for path in pages if read_html(site_dir, path).select_one("script[src]")]
    else:
        pages = pages[half::2]
    differences = []
    for path in pages:
        differences += compare(browser, lean, full, path, scripts == "blocked")
    assert differences == [], "\n".join(differences[:40])


def opened(browser, address, path, block_scripts, without_later_sheet=False):
    context = browser.new_context(viewport=SCREENS["1280"])
    if block_scripts:
        context.route("**/*.js", lambda route: route.abort())
    if without_later_sheet:
        context.route(LATER_SHEET, lambda route: route.abort())
    page = context.new_page()
    page.goto(address + path, wait_until="load")
    page.wait_for_timeout(150)  # Material's deferred script settles the page
    return context, page


def in_state(pages, screen, scheme, motion, media):
    for page in pages:
        page.set_viewport_size(SCREENS[screen])
        page.emulate_media(color_scheme=scheme, reduced_motion=motion, media=media)


def compare(browser, lean_address, full_address, path, block_scripts) -> list[str]:
    tabs = [opened(browser, address, path, block_scripts)
            for address in (lean_address, full_address)]
    (_, lean), (_, full) = tabs
    differences = []
    if block_scripts and lean.locator('link[href$=".later.lean.css"]').count():
        # Opened at a heading, as a clinician's link to one step opens it (:target at load).
        heading = lean.evaluate("() => document.querySelector('article :is(h2, h3)[id]')?.id")
        at = path + (f"#{heading}" if heading else "")
        tabs.append(opened(browser, lean_address, at, True, without_later_sheet=True))
        tabs.append(opened(browser, full_address, at, True))
        first_paint, full_at = tabs[-2][1], tabs[-1][1]
        for name, *state in FIRST_PAINT_STATES:
            in_state((first_paint, full_at), *state)
            differences += differing(at, name, first_paint, full_at, "page")
    states = STATES_WITHOUT_SCRIPTS if block_scripts else STATES
    for name, *state in states:
        in_state((lean, full), *state)
        differences += differing(path, name, lean, full, "page")
        texts = [page.evaluate("() => document.body.innerText") for page in (lean, full)]
        if texts[0] != texts[1]:
            at = next((i for i, pair in enumerate(zip(*texts)) if pair[0] != pair[1]),
                      min(map(len, texts)))
            differences.append(f"{path} ({name}): the text reads {texts[0][at - 30:at + 30]!r} "
                               f"instead of {texts[1][at - 30:at + 30]!r}")
    for page in (lean, full):
        page.set_viewport_size(SCREENS["320"])
        page.emulate_media(color_scheme="light", reduced_motion="no-preference", media="screen")
    for stop in range(1, (TAB_STOPS // 2 if block_scripts else TAB_STOPS) + 1):
        for page in (lean, full):
            page.keyboard.press("Tab")
        differences += differing(path, f"keyboard focus, tab stop {stop}, 320 px",
                                 lean, full, "focus")
    for context, _ in tabs:
        context.close()
    return differences


def differing(path, state, lean, full, scope) -> list[str]:
    """Each element whose style differs between the two pages, with what differs."""
    hashes = []
    for page in (lean, full):
        page.evaluate(AT_REST)
        hashes.append(page.evaluate(SNAPSHOT, [scope, None]))
    places = sorted(where for where in set(hashes[0]) | set(hashes[1])
                    if hashes[0].get(where) != hashes[1].get(where))
    if places:
        # A transition the page started on a pseudo-element (a placeholder's colour) is not
        # among its animations to finish: look again once it is over.
        lean.wait_for_timeout(500)
        hashes = [page.evaluate(SNAPSHOT, [scope, None]) for page in (lean, full)]
        places = sorted(where for where in set(hashes[0]) | set(hashes[1])
                        if hashes[0].get(where) != hashes[1].get(where))
    if not places:
        return []
    ours, theirs = (page.evaluate(SNAPSHOT, [scope, places]) for page in (lean, full))
    found = []
    for where in places:
        if where not in ours or where not in theirs:
            found.append(f"{path} ({state}): {where} only "
                         f"{'with the full sheets' if where in theirs else 'with the trimmed one'}")
            continue
        mine = dict(item.split(":", 1) for item in ours[where].split(";") if ":" in item)
        full_style = dict(item.split(":", 1) for item in theirs[where].split(";") if ":" in item)
        changed = [f"{name}: {mine.get(name)!r} instead of {full_style.get(name)!r}"
                   for name in sorted(set(mine) | set(full_style))
                   if mine.get(name) != full_style.get(name)]
        found.append(f"{path} ({state}): {where}: {'; '.join(changed[:4])}")
    return found


def test_a_wrong_lean_styles_setting_stops_the_build_and_says_the_choices(tmp_path):
    assert_wrong_switch_stops_the_build(tmp_path, "SITE_LEAN_STYLES", "no")


@pytest.mark.xdist_group("lean-styles")
def test_each_kind_of_page_links_its_own_sheets_and_none_of_the_full_ones(twin_sites):
    site_dir = twin_sites[0]
    dark = "(prefers-color-scheme: dark)"
    kinds_with_scripts = kinds_without = 0
    for path in one_page_of_each_kind(site_dir).values():
        soup = read_html(site_dir, path)
        sheets = {place: [(link["href"].rsplit("/", 1)[-1], link.get("media"))
                          for link in soup.select(f'{place} link[rel="stylesheet"]')]
                  for place in ("head", "body")}
        kind = sheets["head"][0][0].removesuffix(".lean.css")
        if soup.select_one("script[src][defer]"):
            # What only a script or a reader brings about comes after the page has painted; the
            # dark and print rules come again after it, in their place in the cascade.
            kinds_with_scripts += 1
            assert sheets["head"] == [(f"{kind}.lean.css", None),
                                      (f"{kind}.dark.lean.css", dark)], path
            assert sheets["body"] == [(f"{kind}.later.lean.css", None),
                                      (f"{kind}.dark.lean.css", dark),
                                      (f"{kind}.print.lean.css", "print")], path
            # Fetched after what the page needs to paint (Lighthouse's simulation otherwise
            # counts it as render-blocking too).
            assert soup.select_one('body link[href$=".later.lean.css"]')["fetchpriority"] == "low"
        else:
            kinds_without += 1
            assert sheets["head"] == [(f"{kind}.lean.css", None),
                                      (f"{kind}.dark.lean.css", dark),
                                      (f"{kind}.print.lean.css", "print")], path
            assert sheets["body"] == [], path
            assert not (site_dir / "assets/stylesheets" / f"{kind}.later.lean.css").exists()
    assert kinds_with_scripts and kinds_without


@pytest.mark.xdist_group("lean-styles")
def test_a_page_paints_without_waiting_for_its_later_sheet(browser, twin_sites):
    # Chromium's own verdict on each sheet, from the Resource Timing API.
    site_dir, lean, _ = twin_sites
    context = browser.new_context()
    page = context.new_page()
    page.goto(lean + "/", wait_until="load")
    status = page.evaluate("""() => Object.fromEntries(performance.getEntriesByType('resource')
        .filter(entry => entry.name.endsWith('.css'))
        .map(entry => [entry.name.split('/').pop(), entry.renderBlockingStatus]))""")
    context.close()
    assert status["home.lean.css"] == "blocking", status
    assert status["home.later.lean.css"] == "non-blocking", status


# The pieces of the trimming, on small broken examples: each must keep a rule that can apply.

def kept_css(css: str, html: str, script: str = "") -> str:
    sheets = lean_styles.StyleSheets([css])
    selectors = {}
    used = sheets.used_rules([html], lean_styles.relaxer_for([html], script), selectors=selectors)
    return "".join(sheets.write(used, set(), selectors=selectors).values())


def test_attribute_values_compared_by_any_operator_or_inside_is_keep_their_rules():
    page = '<html><body><a href="x.pdf" data-kind="note">A</a><p>P</p></body></html>'
    assert "pdf" in kept_css('a[href$=".pdf"]{color:red}', page)
    assert "note" in kept_css(':where([data-kind="note"]) {color:red}', page)
    assert kept_css('a[href$=".doc"]{color:red}', page) == ""


def test_classes_a_script_adds_keep_their_rules_whatever_the_way_it_adds_them():
    page = '<html><body><div class="box">A</div></body></html>'
    script = ('e.classList.add("one","two");e.classList.replace("no-js","js");'
              'x("span",{class:`fact fact--${t}`})')
    for rule in (".box.two{color:red}", ".js .box{color:red}", ".box.fact--big{color:red}"):
        assert rule.split("{")[0] in kept_css(rule, page, script), rule
    assert "three" not in kept_css(".box.three{color:red}", page, script)


def test_custom_properties_and_keyframes_used_only_by_kept_parts_stay():
    page = '<html><body><p class="a">A</p></body></html>'
    css = (":root{--off:3px;--gone:1px;--anim:spin 1s}"
           "@keyframes spin{to{margin:var(--off)}}"
           ".a{animation:var(--anim)}")
    kept = kept_css(css, page)
    assert "--off" in kept and "--anim" in kept and "@keyframes spin" in kept
    assert "--gone" not in kept


def test_a_comment_between_values_still_separates_them():
    assert "1px solid red" in kept_css(".a{border:1px/**/solid red}",
                                       '<html><body><p class="a">A</p></body></html>')


def test_the_page_reader_builds_the_structure_a_browser_builds():
    page = ("<html><body><table><tr><td>1</td></tr></table>"
            "<ul><li><p>a<li>b</ul><p>one<div class='d'>x</div><details><p>t<summary>s"
            "</summary></details><div/><span class=after>y</span></body></html>")
    assert "table tbody td" in kept_css("table tbody td{color:red}", page)
    assert "li+li" in kept_css("li+li{color:red}", page)
    assert "p+div" in kept_css("p+div{color:red}", page)
    assert "details>summary" in kept_css("details>summary{color:red}", page)
    assert "div>.after" in kept_css("div>.after{color:red}", page)  # "<div/>" stays open
    assert ".d" in kept_css(".d{color:red}", page)  # a class written without quotes


def test_names_a_selector_requires_are_read_only_where_they_are_certain():
    assert lean_styles.required_names('.a>p:is(*)') == {".a", "p"}
    for unsure in ('[title="Open (new)"]', '.--x', '.été', '.a\\:b', 'svg|a'):
        assert lean_styles.required_names(unsure) == set(), unsure


def test_a_dark_or_print_block_moves_to_its_own_sheet_only_when_the_cascade_stays_the_same():
    page = '<html><body><p class="x">A</p><p class="y">B</p></body></html>'
    sheets = lean_styles.StyleSheets([
        "@media (prefers-color-scheme: dark){.x{color:white}}.x{color:red}"
        "@media (prefers-color-scheme: dark){.y{color:white}}.y{margin:0}"])
    relax = lean_styles.Relaxer(set(), set())
    parts = sheets.write(sheets.used_rules([page], relax), set())
    assert parts[""] == "@media (prefers-color-scheme: dark){.x{color:white}}.x{color:red}.y{margin:0}"
    assert parts[".dark"] == ".y{color:white}"


def test_an_element_a_script_makes_keeps_its_rules_where_no_such_element_is_yet():
    page = '<html><body><div class="results"><p>P</p></div></body></html>'
    script = 'x("mark",{class:"hit"});document.createElement("summary")'
    assert ".results mark" in kept_css(".results mark{color:red}", page, script)
    assert "summary" in kept_css(".results>summary{color:red}", page, script)
    assert kept_css(".results mark{color:red}", page) == ""  # no script makes one


def split_css(css: str, html: str, deferred: str = "", early: str = "") -> dict[str, str]:
    """{part: CSS} for a page that runs a deferred script and an early (inline) one."""
    sheets = lean_styles.StyleSheets([css])
    every = deferred + "\n" + early
    used = sheets.used_rules([html], lean_styles.relaxer_for([html], every))
    first = lean_styles.first_paint_rules(sheets, [html], used, every, early)
    return sheets.write(used, set(), set(), first)


def test_what_only_a_script_or_a_reader_brings_about_waits_for_the_later_sheet():
    page = '<html><body><nav class="menu"><a class="link">A</a></nav></body></html>'
    css = (".link{color:red}.link:hover{color:blue}.menu.is-open{display:block}"
           ".menu{display:none}.js .link{font-weight:bold}")
    parts = split_css(css, page, deferred='menu.classList.add("is-open")',
                      early='document.body.classList.add("js")')
    # A class an inline script adds may be there when the page first paints.
    assert parts[""] == ".link{color:red}.menu{display:none}.js .link{font-weight:bold}"
    assert parts[".later"] == ".link:hover{color:blue}.menu.is-open{display:block}"


def test_the_later_sheet_repeats_each_declaration_that_could_tie_with_one_it_holds():
    page = '<html><body><p class="a b">A</p></body></html>'
    css = (".a:hover{color:blue}"
           ".a.b{color:green}"       # as specific as the :hover rule, after it: must stay after
           "p{color:black}"          # less specific: loses to it wherever it stands
           ".b:focus{margin:1px}"
           ".b.a{margin-top:2px}"    # a part of the margin it sets
           ".a.b{line-height:2}"     # not a part of the margin, nor of the colour
           ".b.a{font:12px serif}")  # `font` does not reset anything the later sheet holds
    later = split_css(css, page)[".later"]
    assert later == (".a:hover{color:blue}.a.b{color:green}.b:focus{margin:1px}"
                     ".b.a{margin-top:2px}")
    # Important declarations rank apart from the rest.
    assert split_css(".a:hover{color:blue}.a.b{color:green!important}", page)[".later"] == \
        ".a:hover{color:blue}"


def test_a_custom_property_only_later_rules_use_comes_with_them():
    page = '<html><body><p class="a">A</p></body></html>'
    parts = split_css(":root{--base:red;--hover:blue}.a{color:var(--base)}"
                      ".a:hover{color:var(--hover)}", page)
    assert parts[""] == ":root{--base:red}.a{color:var(--base)}"
    assert parts[".later"] == ":root{--hover:blue}.a:hover{color:var(--hover)}"


def test_a_rule_kept_whole_after_a_later_one_comes_again_after_it():
    page = '<html><body><p class="a">A</p></body></html>'
    later = split_css(".a:hover{color:blue}.a{&.b{color:red}}.a{margin:0}", page)[".later"]
    assert later == ".a:hover{color:blue}.a{&.b{color:red}}.a{margin:0}"


def test_properties_that_set_one_another_are_one_family():
    family = lean_styles.property_family
    for shorthand, part in (("margin", "margin-top"), ("font", "line-height"),
                            ("inset", "left"), ("width", "inline-size"),
                            ("border", "border-inline-start-color"), ("gap", "grid-row-gap"),
                            ("overflow-wrap", "word-wrap"), ("mask", "-webkit-mask-image"),
                            ("text-decoration", "text-decoration-color")):
        assert family(shorthand) == family(part), (shorthand, part)
    for whole, part in (("white-space", "text-wrap-mode"), ("break-before", "page-break-before"),
                        ("break-before", "-webkit-column-break-before"),
                        ("overscroll-behavior", "overscroll-behavior-x")):
        assert family(whole) == family(part), (whole, part)
    for one, other in (("color", "color-scheme"), ("text-align", "text-decoration"),
                       ("--a", "--b"), ("word-break", "overflow")):
        assert family(one) != family(other), (one, other)
    assert family("all") == "*"


def test_in_a_browser_the_split_sheets_give_what_the_whole_sheet_gives(browser):
    # Each example has a later declaration that ties with an earlier one only a reader brings
    # about: Chromium must resolve both pages to the same styles, at rest and when acted on.
    examples = [
        ".a:hover{color:blue}.a.b{color:green}p{color:black}",
        ".b:focus{margin:1px}.b.a{margin-top:2px}.a{margin-left:3px}",
        ":root{--hover:blue}.a:hover{color:var(--hover)}.a.b{color:red}.a{color:gray}",
        ".a:hover{font:12px serif}.b.a{line-height:3}",
    ]
    body = '<p class="a b" tabindex="0">Text</p>'
    page = browser.new_page()
    for css in examples:
        parts = split_css(css, f"<html><body>{body}</body></html>")
        styles = []
        for head, end in ((css, ""), (parts[""], parts[".later"])):
            page.set_content(f"<!doctype html><html><head><style>{head}</style></head>"
                             f"<body>{body}<style>{end}</style></body></html>")
            read = "() => { const s = getComputedStyle(document.querySelector('p'));" \
                   " return [s.color, s.margin, s.lineHeight, s.fontFamily].join(' ') }"
            seen = [page.evaluate(read)]
            page.hover("p")
            seen.append(page.evaluate(read))
            page.mouse.move(0, 500)
            page.focus("p")
            seen.append(page.evaluate(read))
            styles.append(seen)
        assert styles[0] == styles[1], (css, parts)
    page.close()


def test_a_missing_style_sheet_or_a_file_where_a_kind_sheet_goes_stops_the_build(tmp_path):
    project = fixture_site(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text + "\nextra_css:\n  - assets/stylesheets/mispelled.css\n")
    missing = build_site(project, tmp_path / "missing")
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    assert "stylesheets/mispelled.css', which the site does not have" in missing.stderr
    assert "extra_css in mkdocs.yml" in missing.stderr
    config.write_text(text)
    own = project / "docs" / "assets" / "stylesheets" / "guide.lean.css"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text("/* the practice's own */")
    taken = build_site(project, tmp_path / "taken")
    assert taken.returncode != 0 and "Traceback" not in taken.stderr
    assert "docs/assets/stylesheets/guide.lean.css: the engine writes the 'guide' pages' style " \
           "sheet to assets/stylesheets/guide.lean.css" in taken.stderr
    assert own.read_text() == "/* the practice's own */"


def test_a_script_that_may_run_before_the_first_paint_counts_as_early(tmp_path):
    (tmp_path / "late.js").write_text('e.classList.add("late")')
    (tmp_path / "soon.js").write_text('e.classList.add("soon")')
    (tmp_path / "module.js").write_text('e.classList.add("module")')
    page = ('<html><body><script defer src="late.js"></script>'
            '<script defer src="soon.js" async></script>'  # async wins over defer
            '<script type="module" src="module.js"></script></body></html>')
    early = lean_styles.scripts_of(tmp_path, ["index.html"], [page], {"site_url": None},
                                   early_only=True)
    assert "soon" in early and "late" not in early and "module" not in early


def test_cascade_layers_or_an_unsure_specificity_keep_the_cascade():
    page = '<html><body><p class="a b">A</p></body></html>'
    # Layers rank by where each is first named: no later sheet at all.
    layered = "@layer base{.a:hover{color:blue}}@layer theme{.a{color:green}}"
    parts = split_css(layered, page)
    assert parts[".later"] == "" and "@layer base" in parts[""]
    # cssselect2 leaves out the "of S" part of :nth-child's specificity: it ties with anything.
    later = split_css(".a:hover{color:blue}:nth-child(1 of .a){color:green}", page)[".later"]
    assert later == ".a:hover{color:blue}:nth-child(1 of .a){color:green}"


def test_a_selector_that_matches_nothing_in_any_state_leaves_its_list():
    page = '<html><body><nav class="menu"><a class="link">A</a></nav></body></html>'
    css = ('[dir=rtl] .link,.link,.tabs .link{color:red}'
           '.tabs,.banner{display:none}'
           '.menu.is-open .link,.gone:hover{color:blue}'
           '.link:focus,.link::after{outline:0}')
    kept = kept_css(css, page, 'menu.classList.add("is-open")')
    assert kept == ".link{color:red}.menu.is-open .link{color:blue}.link:focus,.link::after{outline:0}"


def test_a_selector_list_is_pruned_only_where_a_browser_reads_it_the_same():
    page = '<html><body><a class="link">A</a><p>P</p></body></html>'
    # A comment in a selector is nothing, not an element's name.
    assert kept_css(".gone , .link/*c*/, p {color:red}", page) == ".link,p{color:red}"
    assert kept_css("a/**/.link{color:red}", page) == "a.link{color:red}"
    # One selector a browser does not know drops the whole rule there: the list stays whole.
    assert kept_css(".link,.gone::-moz-selection{color:red}", page) == \
        ".link,.gone::-moz-selection{color:red}"


def test_a_comment_in_a_selector_joins_what_is_on_either_side():
    sheets = lean_styles.StyleSheets(["a/**/.link,p{color:red}"])
    assert sheets.style_rules[0].selector_text == "a.link,p"
