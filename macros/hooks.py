"""MkDocs hook. In every build: macro blocks pass through Markdown unparsed (evidence/html/raw_blocks.py)
and the theme's templates are compiled once per machine.

Under `make serve` it also runs the steps `make build` (scripts/build_site.py) runs around MkDocs: the
generation step before every rebuild, and the publish step (search indexes, social cards) in the
background after it. Invalid data stop the rebuild with the list of problems as the message instead of a
traceback.
"""

from __future__ import annotations

import threading
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from evidence.html.raw_blocks import RawBlocks
from evidence.publish import build

log = get_plugin_logger(__name__)

_serving = False
_indexing: threading.Thread | None = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    config.markdown_extensions.append(RawBlocks())
    if _serving:
        try:
            config.nav = build.generate_pages(_root(config))
        except build.DataInvalid as error:
            raise PluginError(error.report()) from None
    return config


def on_serve(server, config, builder):
    """Watch only the hand-written part of docs/: the generated pages change during a build, so
    watching them would rebuild twice for every edit. data/ and evidence/, which they are made
    from, are watched (mkdocs.yml)."""
    docs_dir = Path(config.docs_dir)
    server.unwatch(str(docs_dir))
    for path in sorted(docs_dir.iterdir()):
        if not build.is_generated(path.name):
            server.watch(str(path))
    return server


def on_env(env, config, files):
    """The theme's templates compiled once, not at every build: MkDocs makes a new template environment
    for each build, and compiling Material's templates took a tenth of a rebuild under serve."""
    cache = _root(config) / ".cache" / "templates"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


def on_pre_build(config):
    """The build empties the site folder next, which the previous indexing still reads and writes."""
    _finish_indexing()


def on_post_build(config):
    """Under serve the pages are shown at once and the indexes follow in the background; until they
    are ready, search answers from the last ones."""
    global _indexing
    if not _serving:
        return
    root, site_dir = _root(config), Path(config.site_dir)
    build.show_last_indexes(root, site_dir)
    _indexing = threading.Thread(target=_index_in_background, args=(root, site_dir), name="pagefind")
    _indexing.start()


def on_shutdown():
    """mkdocs serve deletes its site folder after this."""
    _finish_indexing()


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def _index_in_background(root: Path, site_dir: Path) -> None:
    """Nobody waits for this thread's result, so a failure is reported in the serve log."""
    try:
        build.publish(root, site_dir)
    except Exception as error:
        log.error(f"Søgeindekset blev ikke bygget: {error}")


def _finish_indexing() -> None:
    if _indexing is not None:
        _indexing.join()
