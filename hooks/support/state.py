"""The build's shared state: one object that hooks read and write, instead of module variables,
template globals and context keys held together by the order of a list.

`build` is reset at the start of every build (hooks/strictness.py, first in the list). A hook
that produces something other hooks or templates need stores it here under a declared name, and
hooks/README.md lists who writes and who reads each one.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BuildState:
    command: str = "build"           # "build", "serve" or "gh-deploy" (from on_startup)
    dirty: bool = False              # --dirty: only changed pages are rebuilt (from on_startup)
    language: str = "en"             # theme.language: the site's first language
    # The further languages (extra.languages): code -> settings (support/languages.py).
    languages: dict = field(default_factory=dict)
    # language -> {key -> text}, after the practice's overrides (hooks/labels.py).
    labels: dict = field(default_factory=dict)
    # Each translated page and what it was translated from (hooks/languages.py): src_uri of
    # the translation -> {"of": src_uri of the original, "fingerprint": …, "outdated": bool};
    # and src_uri -> {language: src_uri} for every page that has translations, both ways.
    translation_of: dict = field(default_factory=dict)
    # The language of a page the engine makes, where it is not its folder's (src_uri ->
    # language): a short link's page speaks its target's (hooks/short_links.py).
    page_language: dict = field(default_factory=dict)
    translations: dict = field(default_factory=dict)
    # Where the data of a page the engine makes was written, for messages about the page
    # (src_uri -> "docs/_data/feelings.yml, line 12"): an author edits that, not the page.
    made_from: dict = field(default_factory=dict)
    look_css: str = ""               # the practice's colours as CSS, or "" when it sets none
    authors: dict = field(default_factory=dict)    # key -> entry of docs/_data/authors.yml
    # Full short link address ("https://…/go/break/") by the page URL (with any #anchor) it
    # leads to; written by hooks/short_links.py on_files, read by the share panel and the
    # clinicians' page.
    short_links_by_target: dict = field(default_factory=dict)
    # The steps of each guide and exercise, in order: src_uri -> [(anchor, full short link)];
    # written by hooks/short_links.py on_files, read by the share panel and the clinicians' page.
    steps_by_page: dict = field(default_factory=dict)
    # What the checks found, per page (src_uri -> {"grade", "smog", "flagged", "review", …}),
    # and references nobody cites: gathered for the editors' report (support/report.py).
    findings: dict = field(default_factory=dict)
    unused_references: list = field(default_factory=list)
    # The element ids of each written page ("guides/x/" -> {ids}), for checks that run once the
    # whole site is built (support/site_index.py).
    ids_by_url: dict = field(default_factory=dict)
    # The pages of each kind and the style sheets they block on: (folder, kind) ->
    # {"sheets": (site paths), "pages": [dest paths]}; written by hooks/lean_styles.py as pages
    # are written, read by it once the build is done.
    lean_sheets: dict = field(default_factory=dict)
    lean_styles_on: bool = True      # False when SITE_LEAN_STYLES=off

    def reset(self, command: str | None = None, dirty: bool | None = None):
        fresh = BuildState(command=command or self.command,
                           dirty=self.dirty if dirty is None else dirty)
        self.__dict__.update(fresh.__dict__)


build = BuildState()
