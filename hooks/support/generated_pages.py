"""Pages the build makes itself (short links, the feelings guide, the editors' report): a
virtual Markdown file whose front matter is written by YAML itself, so that any title or
address is quoted correctly, and which stays out of the navigation."""

import yaml
from mkdocs.structure.files import File, InclusionLevel


def generated_page(config, src_uri: str, front_matter: dict) -> File:
    text = "---\n" + yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True) + "---\n"
    return File.generated(config, src_uri, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
