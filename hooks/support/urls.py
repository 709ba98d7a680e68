"""Checking the form of a link address. Addresses are never fetched."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\Z")
PHONE = re.compile(r"^\+?[0-9][0-9().-]*[0-9]\Z")
SAFE_SCHEMES = {"https", "http", "mailto", "tel", "sms"}
# An address on another site: "//host…" or "scheme://host…". Browsers read a backslash as
# "/", so "/\evil.example" is one too.
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?[/\\]{2}", re.IGNORECASE)
# How a link to something other than a page of this site starts.
EXTERNAL_SCHEMES = ("https://", "http://", "mailto:", "tel:", "sms:")


def dial(number) -> str:
    """A phone number as dialled: its separators removed ("1-800-668-6868" -> "18006686868",
    "+44 116 123" -> "+44116123"). Letters stay, so that a check can still reject them."""
    return re.sub(r"[\s\-().]", "", str(number))


def shown(url: str) -> str:
    """An address as a message shows it: its first line, at most 80 characters."""
    first_line = url.splitlines()[0] if url.strip() else url
    return first_line[:80] + ("…" if len(first_line) > 80 or "\n" in url else "")


def url_problem(url: str, http_allowed: set[str] = frozenset()) -> str | None:
    """What is wrong with an outside address, with how to fix it; None if it looks right.

    Site-internal links (no scheme) are not judged here.
    """
    if "\n" in url:
        return (f"the link address '{shown(url)}' runs on over several lines, so its closing "
                "parenthesis is probably missing. Close it right after the address")
    if url != url.strip() or any(ch.isspace() for ch in url):
        return (f"the address '{url}' contains a space. Remove the space, or write it as %20 "
                "if it really belongs there")
    if url.count("(") != url.count(")"):
        return (f"the address '{url}' has unbalanced parentheses. Check that the link's "
                "closing ')' is in the right place")
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if not scheme or "/" in scheme:
        return None
    if scheme not in SAFE_SCHEMES:
        return (f"the address '{url}' uses '{scheme}:', which this site does not allow. Use "
                "an https:// address, or mailto:, tel: or sms:")
    if scheme in ("https", "http"):
        authority = url.split("/", 3)[2] if url.count("/") >= 2 else ""
        if "\\" in url or "@" in authority:
            return (f"the address '{url}' has a '\\' in it or an '@' in its site name. "
                    "Browsers read such an address differently from this check, so it could "
                    "lead to another site. Write the plain address, like "
                    "https://example.org/page")
        parts = urlsplit(url)
        host = parts.hostname or ""
        if "." not in host and host != "localhost":
            return (f"the address '{url}' has no valid site name. Write it in full, like "
                    "https://example.org/page")
        if scheme == "http" and parts.hostname not in http_allowed:
            return (f"the address '{url}' uses http:, which is not private or secure. Use "
                    "https:// instead, or add the site to docs/_data/http-allowlist.yml if it "
                    "has no https version")
        return None
    target = url.split(":", 1)[1]
    if scheme == "mailto":
        address = target.split("?", 1)[0]
        if not EMAIL.match(address):
            return (f"the email link '{url}' is not a complete email address. Write it as "
                    "mailto:name@example.org")
        return None
    number = target.split("?", 1)[0]
    if not PHONE.match(number):
        kind = "phone" if scheme == "tel" else "text message"
        return (f"the {kind} link '{url}' is not a phone number. Write it with digits only, "
                f"like {scheme}:988 or {scheme}:+18006686868")
    return None
