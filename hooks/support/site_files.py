"""The site's own files (the practice's and the theme's) by the address they are published at,
for the steps that write files of their own into the built site: none may take the address of
one of them, which would be lost."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from support.data_files import display_path


def file_at(files, address: str):
    """The site's file published at `address` ("assets/site.css"), or None."""
    return next((file for file in files if file.dest_uri == address), None)


def refuse_to_overwrite(config, files, address: str, what: str, fix: str):
    """Stop the build, naming the file and the fix, if a file of the site is at `address`,
    where the engine writes `what`."""
    taken = file_at(files, address)
    if taken is not None:
        shown = display_path(config, Path(taken.abs_src_path)) if taken.abs_src_path \
            else taken.src_uri
        raise PluginError(f"{shown}: the engine writes {what} to {address}, where this file "
                          f"would be lost. {fix}")
