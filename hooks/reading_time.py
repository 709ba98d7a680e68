"""Reading time for authored pages, counted from the rendered text."""

import math
import re

from support.page_types import AUTHORED_TYPES, page_type

# A relaxed reading pace: these pages are often read by someone who is upset or tired.
WORDS_PER_MINUTE = 200
TAG = re.compile(r"<[^>]+>")


# Exercises and the feelings guide are done, not read: a reading time there reads as how long
# the reader should take.
NOT_READ = {"exercise", "feelings", "feeling"}


def on_page_context(context, page, config, nav, **kwargs):
    if page_type(page) in AUTHORED_TYPES - NOT_READ:
        words = len(TAG.sub(" ", page.content or "").split())
        context["reading_minutes"] = max(1, math.ceil(words / WORDS_PER_MINUTE))
    return context
