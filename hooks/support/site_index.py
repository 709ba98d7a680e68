"""What the built site contains, gathered as pages are written, for checks that run once the
whole site is built (anchors of raw HTML links, short links, published addresses)."""

ids_by_url = {}  # page URL ("guides/x/") -> set of element ids on that page


def reset():
    ids_by_url.clear()


def has_address(address: str) -> bool:
    """True if "guides/x/" or "guides/x/#step-2-y" exists in the built site."""
    url, _, anchor = address.partition("#")
    ids = ids_by_url.get(url)
    return ids is not None and (not anchor or anchor in ids)
