"""MkDocs hook: validate data and generate pages before MkDocs reads docs/.

Invalid data stops the build here, before anything is written to the site, with the
list of problems as the message instead of a traceback.
"""

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from evidence import build_memo, charts, generate
from evidence.dataset import end_build, fresh_dataset, input_digests, start_build
from evidence.problems import DataInvalid
from evidence.search_index import (
    Building,
    remembered_quote_pages,
    show_last_indexes,
    site_page,
    start_quote_index,
    start_site_index,
    write_indexes,
)

log = get_plugin_logger(__name__)

# Under `mkdocs serve` the search indexes are written after the build, in the background: the
# server shows no page until the build has returned, and the indexes take longer than the pages.
_serving = False
_indexing: threading.Thread | None = None
# Under `make build` the quote finder's index is started as soon as the pages are generated. The
# site index is started as soon as every page's content is made, before the theme's templates.
_quote_index: Building | None = None
_site_index: Building | None = None
_site_pages: dict[str, str] = {}
# Also under serve, a saved data file is read, checked and turned into pages at once, in a thread,
# while the server waits for the saving to settle before it starts the build, which then finds them
# ready. The build holds the same lock, so the two never work at once.
_preparing = threading.Lock()
_data_changed = threading.Event()
_data_watch: Observer | None = None
# The file events that change a file. Reading the data (as a build does) opens the files: that changes nothing.
CHANGES = [FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileMovedEvent, FileDeletedEvent]


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _quote_index
    root = _root(config)
    with _preparing, build_memo.locked(root):
        memo = start_build(root)
        try:
            charts.start_engine_if_first_build()
            outputs, config.nav = generate.made_for_build(root, memo)
        except DataInvalid as error:
            end_build(root)
            raise PluginError(error.report()) from None
        generate.write(outputs, Path(config.docs_dir))
    if not _serving:
        _quote_index = start_quote_index(remembered_quote_pages(root), Path(config.site_dir), _index_cache(root))
    return config


def on_serve(server, config, builder):
    """Watch only the hand-written part of docs/: the generated pages change during a build, so
    watching them would rebuild twice for every edit. data/ and evidence/, which they are made
    from, are watched (mkdocs.yml)."""
    docs_dir = Path(config.docs_dir)
    server.unwatch(str(docs_dir))
    for path in sorted(docs_dir.iterdir()):
        if path.name not in generate.GENERATED:
            server.watch(str(path))
    data = _root(config) / "data"
    _prepare_on_save(data)
    if _data_watch is not None:  # data/ is watched through the system's file events: mkdocs.yml's `watch`
        polling, server.observer = server.observer, _ChangesOnly(_data_watch)  # then adds nothing for it
        try:
            server.watch(str(data))
        finally:
            server.observer = polling
    return server


class _ChangesOnly:
    """Stands in for `mkdocs serve`'s file observer while it registers data/ (server.watch): its
    rebuild is then started by the system's file events, at once, instead of at its next look half a
    second later, and only by events that change a file (reading the data opens the files too)."""

    def __init__(self, observer: Observer):
        self._observer = observer

    def schedule(self, handler: FileSystemEventHandler, path: str, *, recursive: bool = False):
        return self._observer.schedule(handler, path, recursive=recursive, event_filter=CHANGES)


def on_pre_build(config):
    """The build empties the site folder next, which the previous indexing still reads and writes."""
    _finish_indexing()
    _site_pages.clear()


def on_page_content(html, page, config, files):
    if page.file.dest_uri.endswith("index.html"):
        _site_pages[page.file.dest_uri] = site_page(page.title, html)
    return html


def on_env(env, config, files):
    global _site_index
    _site_index = start_site_index(dict(_site_pages), Path(config.site_dir), _index_cache(_root(config)))
    return env


def on_post_build(config):
    """The search indexes are finished beside the written pages. Then the build's memo is stored
    for the next build: the build has succeeded."""
    global _indexing, _quote_index, _site_index
    root, site_dir = _root(config), Path(config.site_dir)
    (quote_index, _quote_index), (site_index, _site_index) = (_quote_index, None), (_site_index, None)
    quotes = [] if quote_index else remembered_quote_pages(root)
    memo = end_build(root)
    keep = memo.save if memo is not None else lambda: None
    if not _serving:
        write_indexes(quote_index, site_index, meanwhile=keep)
        return
    show_last_indexes(site_dir, _index_cache(root))
    _indexing = threading.Thread(target=_index_in_background, args=(quotes, site_index, site_dir, root, keep),
                                 name="pagefind")
    _indexing.start()


def on_build_error(error):
    global _quote_index, _site_index
    for started in (_quote_index, _site_index):
        if started is not None:
            started.cancel()
    _quote_index = _site_index = None
    for root in build_memo.building():
        end_build(root)


def on_shutdown():
    """mkdocs serve deletes its site folder after this."""
    if _data_watch is not None:
        _data_watch.stop()
    _finish_indexing()


def _prepare_on_save(data: Path) -> None:
    global _data_watch

    class Saved(FileSystemEventHandler):
        def on_any_event(self, event):
            if not event.is_directory:
                _data_changed.set()

    observer = Observer()  # the system's file events: no delay, no polling
    observer.schedule(Saved(), str(data), recursive=True, event_filter=CHANGES)
    try:
        observer.start()
    except OSError as error:  # e.g. no inotify watches left: builds are only slower
        log.info(f"Data forberedes først, når serveren bygger: {error}")
        return
    _data_watch = observer
    threading.Thread(target=_prepare_forever, args=(data.parent,), name="prepare-data", daemon=True).start()


def _prepare_forever(root: Path) -> None:
    while _data_changed.wait():
        while _data_changed.wait(0.02):  # until the file is saved whole: writing it takes several events
            _data_changed.clear()
        # The build that follows meets any problem here again, and reports it.
        with _preparing, contextlib.suppress(Exception):
            generate.prepare(fresh_dataset(root), build_memo.open_memo(root, lambda: input_digests(root)).value)


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def _index_cache(root: Path) -> Path:
    return root / ".cache" / "pagefind"


def _index_in_background(quotes: list[str], site_index: Building, site_dir: Path, root: Path,
                         keep: Callable[[], None]) -> None:
    """Nobody waits for this thread's result, so a failure is reported in the serve log."""
    try:
        write_indexes(start_quote_index(quotes, site_dir, _index_cache(root)), site_index, meanwhile=keep)
    except Exception as error:
        log.error(f"Søgeindekset blev ikke bygget: {error}")


def _finish_indexing() -> None:
    if _indexing is not None:
        _indexing.join()
