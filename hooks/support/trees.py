"""Walking the trees MkDocs builds: a page's table of contents, and the site's navigation."""


def every_item(items):
    """Each item, then each of its children, at any depth (table of contents entries, or
    navigation sections, pages and links)."""
    for item in items:
        yield item
        yield from every_item(getattr(item, "children", None) or [])
