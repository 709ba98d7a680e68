"""The kinds of page the site has, declared in one place.

`type:` in a page's front matter picks its layout (a template in overrides/) and decides which
front matter fields it must have. Pages without `type:` are plain information pages.
"""

from support.shapes import AnyOf, Date, Fields, Flag, ListOf, Text, WholeNumber

# Fields every page may use, whatever its type.
COMMON_FIELDS = {"type", "title", "description", "hide", "search", "search_terms", "template",
                 "readability", "translation"}

# "In short": three short lines, the page's gist for a reader who reads nothing else.
# A line a phone shows in two or three rows at most.
IN_SHORT = ListOf(Text("one short sentence", max_words=25), min_items=3, max_items=3,
                  entry="line")

# The shape of each front matter field (hooks/support/shapes.py). A field of the wrong shape is
# reported and then left out, so no later step ever sees it.
ANY_FIELDS = Fields({}, open_ended=True)
FIELD_SHAPES = {
    "type": Text("one word, like 'type: article'"),
    "title": Text("some text, in quotes if it contains a colon"),
    "description": Text("one or two sentences, in quotes if they contain a colon"),
    "author": Text("one author key from docs/_data/authors.yml, like 'author: team'"),
    # hooks/authors.py says what is wrong inside a review; here only its outline is checked.
    "review": AnyOf(Text(), Fields({}, {"by": Text(numbers=False)}, open_ended=True),
                    describe="'review: pending', or 'by:' and 'date:' on two indented lines"),
    # Who wrote the notes and boxes added around the author's text (an author key), when that
    # is not the author: the byline then credits each separately.
    "notes_by": Text("one author key from docs/_data/authors.yml, like 'notes_by: team'"),
    "series": Text("the series' name"),
    "series_part": WholeNumber(1, 1000),
    "date": Date(),
    "updated": Date(),
    "template": Text("a layout's file name, like 'template: article.html'"),
    "hide": ListOf(Text()),
    "search": Fields({}, {"exclude": Flag()}),
    "search_terms": ListOf(Text("a word or phrase a reader might search for")),
    # The "In short" box that opens every client page (hooks/in_short.py).
    "in_short": IN_SHORT,
    "readability": ANY_FIELDS,
    # What a page in another language translates (hooks/languages.py checks inside).
    "translation": Fields({}, {"fingerprint": Text("the original's fingerprint, in quotes",
                                                   numbers=False)}, open_ended=True),
    "exercise": ANY_FIELDS,
    # A note for clinicians on an exercise, shown on the clinicians' page only.
    "for_clinicians": Fields({
        "use_when": Text("when the exercise helps, in a sentence or two"),
        "not_when": Text("when to hold it back, in a sentence or two"),
        "next_session": ListOf(Text("a question to ask"), min_items=1, entry="question"),
    }),
    "group": Text("a group id from docs/_data/feelings.yml"),
    "feeling": Text("a feeling id from docs/_data/feelings.yml"),
}

PAGE_TYPES = {
    "home": {
        "template": "home.html",
        "required": {"title", "description", "in_short"},
        "optional": set(),
        "client_facing": True,
    },
    "article": {
        "shareable": True,
        "template": "article.html",
        "required": {"title", "description", "author", "review", "in_short"},
        "optional": {"series", "series_part", "date", "updated", "notes_by"},
        "client_facing": True,
    },
    "guide": {
        "shareable": True,
        "steps": "headings",  # its steps: level-2 headings with a step- anchor (short links)
        "handout": "page",  # also published as a PDF (hooks/handouts.py)
        "template": "article.html",
        "required": {"title", "description", "author", "review", "in_short"},
        "optional": {"series", "series_part", "date", "updated", "notes_by"},
        "client_facing": True,
    },
    "author": {
        "template": "author.html",
        "required": {"title", "author"},
        "optional": set(),
        "client_facing": False,
    },
    "help": {
        "template": "help.html",
        "required": {"title", "description", "in_short"},
        "optional": set(),
        "client_facing": True,
        "text_from_data": True,  # its layout shows text the Markdown body does not hold
        # The page a reader in crisis opens: it paints from its own bytes, with nothing to run.
        "scripts": False,
    },
    "clinicians": {
        "template": "clinicians.html",
        "required": {"title", "description"},
        "optional": set(),
        "client_facing": False,
    },
    "references": {
        "template": "references.html",
        "required": {"title"},
        "optional": set(),
        "client_facing": False,
    },
    "exercise": {
        "shareable": True,
        "steps": "sections",  # its steps: the sections of its form (short links)
        "handout": "blank",  # also published as a blank PDF (hooks/handouts.py)
        "template": "exercise.html",
        "required": {"title", "description", "author", "review", "exercise", "in_short"},
        "optional": {"for_clinicians"},
        "client_facing": True,
        "text_from_data": True,  # its layout shows text the Markdown body does not hold
        "reading_time": False,  # done, not read: a time would read as how long to take
        "scripts": False,
    },
    "feelings": {
        "shareable": True,
        "template": "feelings.html",
        "required": {"title", "author", "review", "in_short"},
        "optional": {"group"},
        "client_facing": True,
        "text_from_data": True,  # its layout shows text the Markdown body does not hold
        "reading_time": False,  # done, not read: a time would read as how long to take
        "scripts": False,
    },
    "feeling": {
        "generated": True,  # made by the engine from data, never written as a page
        "shareable": True,
        "template": "feeling.html",
        "required": {"title", "author", "review", "feeling"},
        "optional": set(),
        "client_facing": True,
        "text_from_data": True,  # its layout shows text the Markdown body does not hold
        "reading_time": False,  # done, not read: a time would read as how long to take
        "scripts": False,
    },
    "topics": {
        "generated": True,  # made by the engine from data, never written as a page
        "template": "topics.html",
        "required": {"title"},
        "optional": set(),
        "client_facing": True,
    },
    "editors-report": {
        "generated": True,  # made by the engine from data, never written as a page
        "template": "editors-report.html",
        "required": {"title"},
        "optional": set(),
        "client_facing": False,
        "indexed": False,
    },
    "short-link": {
        "generated": True,  # made by the engine from data, never written as a page
        "template": "short-link.html",
        "required": {"title", "target"},
        "optional": set(),
        "client_facing": False,
        "scripts": False,  # only the engine's redirect script (hooks/content_security.py)
        "indexed": False,
    },
    "info": {
        "template": "main.html",
        "required": {"title", "in_short"},
        "optional": set(),
        "client_facing": True,
    },
}

DEFAULT_TYPE = "info"

# Types whose pages carry an author, a review status and a reading time.
AUTHORED_TYPES = {name for name, spec in PAGE_TYPES.items() if "author" in spec["required"]
                  and name != "author"}


# Authored types whose byline gives a reading time.
TIMED_TYPES = {name for name in AUTHORED_TYPES if PAGE_TYPES[name].get("reading_time", True)}
# Types whose layout shows text from data (help lines, feelings, exercise fields): search
# indexes their finished text (hooks/search_index.py).
DATA_TEXT_TYPES = {name for name, spec in PAGE_TYPES.items() if spec.get("text_from_data")}

# Types the engine makes itself (hooks/support/generated_pages.py); a written page may not use one.
GENERATED_TYPES = {name for name, spec in PAGE_TYPES.items() if spec.get("generated")}
# The layouts a page may choose with `template:` (its type chooses one otherwise).
PAGE_TEMPLATES = sorted({spec["template"] for spec in PAGE_TYPES.values()})

# Types whose template writes the page's title as its one <h1>; their text must not add another.
# (Material's own layout, used by home and info pages, shows the first heading of the text
# instead, when there is one.)
TITLED_TYPES = {name for name, spec in PAGE_TYPES.items()
                if spec["template"] not in ("main.html", "home.html")}

# Types whose pages search engines should not list (noindex, left out of the sitemap).
UNINDEXED_TYPES = {name for name, spec in PAGE_TYPES.items() if spec.get("indexed") is False}
# Types whose pages carry no script at all (and whose policy forbids any).
SCRIPTLESS_TYPES = {name for name, spec in PAGE_TYPES.items() if spec.get("scripts") is False}
# Pages made from a template alone that carry no script either: "page not found" is reached by
# a reader who is already lost, so it must show at once.
SCRIPTLESS_TEMPLATES = {"404.html"}
CLIENT_FACING_TYPES = {name for name, spec in PAGE_TYPES.items() if spec["client_facing"]}


def page_type(page) -> str:
    return (page.meta or {}).get("type", DEFAULT_TYPE)
