"""MkDocs hook: validate data and generate pages before MkDocs reads docs/.

Invalid data stops the build here, before anything is written to the site, with the
list of problems as the message instead of a traceback.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from evidence import generate
from evidence.dataset import current_dataset
from evidence.problems import DataInvalid
from evidence.search_index import write_indexes


def on_config(config):
    try:
        dataset = current_dataset(Path(config.config_file_path).parent)
    except DataInvalid as error:
        raise PluginError(error.report()) from None
    config.nav = generate.write(dataset, Path(config.docs_dir))
    return config


def on_post_build(config):
    """The search indexes are built from the data and the written pages, beside them."""
    write_indexes(current_dataset(Path(config.config_file_path).parent), Path(config.site_dir))
