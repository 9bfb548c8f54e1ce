"""MkDocs hook. In every build: macro blocks pass through Markdown unparsed (evidence/html/raw_blocks.py)
and the theme's templates are compiled once per machine.

It holds the build lock while MkDocs runs. Under `make serve` (and a plain `mkdocs build`, which gets no
menu from `make build`) it runs the generation step before every build; under serve the publish step
(search indexes, social cards) follows in the background. Invalid data stop the rebuild with the list of
problems as the message instead of a traceback.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import get_plugin_logger

from evidence.html.raw_blocks import RawBlocks
from evidence.publish import build
from evidence.publish.template_cache import CheckedBytecodeCache

log = get_plugin_logger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent

_serving = False
_lock = contextlib.ExitStack()
_indexing: threading.Thread | None = None


def on_startup(command, dirty):
    """The build lock is held until MkDocs stops (under serve, until the server stops): every build
    writes docs/ and .cache/, which another build must not write at the same time
    (evidence/publish/build.py: `exclusive`; `make build` holds it already)."""
    global _serving
    _serving = command == "serve"
    try:
        _lock.enter_context(build.exclusive(PROJECT_ROOT))
    except build.BuildBusy as busy:
        raise Abort(str(busy)) from None


def on_config(config):
    config.markdown_extensions.append(RawBlocks())
    if _serving or config["nav"] is None:  # `make build` gives the menu it generated (scripts/build_site.py)
        try:
            build.generate_pages(_root(config)).apply(config)
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
    for each build, and compiling Material's templates took a tenth of a rebuild under serve. Each entry
    is checked before it is run (evidence/publish/template_cache.py)."""
    env.bytecode_cache = CheckedBytecodeCache(_root(config) / ".cache" / "templates")
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
    _lock.close()


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
