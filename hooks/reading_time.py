"""Reading time for authored pages that are read (not exercises), counted from the rendered
text."""

import math
import re

from support.page_types import TIMED_TYPES, page_type

# A relaxed reading pace: these pages are often read by someone who is upset or tired.
WORDS_PER_MINUTE = 200
TAG = re.compile(r"<[^>]+>")


def on_page_context(context, page, config, nav, **kwargs):
    if page_type(page) in TIMED_TYPES:
        words = len(TAG.sub(" ", page.content or "").split())
        context["reading_minutes"] = max(1, math.ceil(words / WORDS_PER_MINUTE))
    return context
