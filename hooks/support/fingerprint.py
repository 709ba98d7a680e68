"""A short fingerprint of a page's text, so that a review or a PEMAT-P score can name the text
it judged, and the editors' report can say when the page has changed since."""

import hashlib
import json

from support import report
from support.source import FRONT_MATTER, front_matter_with_lines


def text_fingerprint(page) -> str:
    """The page's fingerprint, worked out once per build and kept with its findings (both
    reviews and PEMAT-P scores compare against it)."""
    findings = report.for_page(page.file.src_uri)
    if "fingerprint" not in findings:
        findings["fingerprint"] = _fingerprint(page)
    return findings["fingerprint"]


def data_fingerprint(page_src_uri: str, data) -> None:
    """Give a page the engine makes from data the fingerprint of that data (what its reader
    sees), so that a PEMAT-P score of it can name the text it judged."""
    text = json.dumps(data, sort_keys=True, default=str)
    report.for_page(page_src_uri)["fingerprint"] = hashlib.sha256(text.encode()).hexdigest()[:12]


def _fingerprint(page) -> str:
    """A short fingerprint of what the page's file says: its Markdown and its front matter
    (an exercise's fields live there), whitespace aside, and without the review itself, so
    that recording a review does not change it. Pages the engine makes from data get theirs
    from the data (`data_fingerprint`), or have none."""
    if page.file.abs_src_path is None:
        return ""
    source = page.file.content_string
    match = FRONT_MATTER.match(source)
    body = source[match.end():] if match else source
    written = front_matter_with_lines(page) or {}  # as written: hooks may add to page.meta
    shown = {key: value for key, value in written.items() if key != "review"}
    text = " ".join(body.split()) + json.dumps(shown, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]
