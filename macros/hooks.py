"""MkDocs hook: validate data and generate pages before MkDocs reads docs/.

Invalid data stops the build here, before anything is written to the site, with the
list of problems as the message instead of a traceback.
"""

import contextlib
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from watchdog.events import EVENT_TYPE_CLOSED_NO_WRITE, EVENT_TYPE_OPENED, FileSystemEventHandler
from watchdog.observers import Observer

from evidence import generate
from evidence.dataset import current_dataset, end_build, fresh_dataset, start_build
from evidence.problems import DataInvalid
from evidence.search_index import write_indexes

log = get_plugin_logger(__name__)

# Under `mkdocs serve` the search indexes are written after the build, in the background: the
# server shows no page until the build has returned, and the indexes take longer than the pages.
_serving = False
_indexing: threading.Thread | None = None
# Also under serve, a saved data file is read, checked and turned into pages at once, in a thread,
# while the server still waits to notice the change (it looks every half second) and to start the
# build, which then finds them ready. The build holds the same lock, so the two never work at once.
_preparing = threading.Lock()
_data_changed = threading.Event()
_data_watch: Observer | None = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    with _preparing:
        try:
            dataset = start_build(_root(config))
        except DataInvalid as error:
            raise PluginError(error.report()) from None
        config.nav = generate.write(dataset, Path(config.docs_dir))
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
    _prepare_on_save(_root(config))
    return server


def on_pre_build(config):
    """The build empties the site folder next, which the previous indexing still reads and writes."""
    _finish_indexing()


def on_post_build(config):
    """The search indexes are built from the data and the written pages, beside them."""
    global _indexing
    dataset, site_dir = current_dataset(_root(config)), Path(config.site_dir)
    end_build()
    if not _serving:
        write_indexes(dataset, site_dir)
        return
    _indexing = threading.Thread(target=_index_in_background, args=(dataset, site_dir), name="pagefind")
    _indexing.start()


def on_build_error(error):
    end_build()


def on_shutdown():
    """mkdocs serve deletes its site folder after this."""
    if _data_watch is not None:
        _data_watch.stop()
    _finish_indexing()


def _prepare_on_save(root: Path) -> None:
    global _data_watch

    class Saved(FileSystemEventHandler):
        def on_any_event(self, event):
            # Reading the data (as preparing does) opens the files: that changes nothing.
            if not event.is_directory and event.event_type not in (EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE):
                _data_changed.set()

    observer = Observer()  # the system's file events: no delay, no polling
    observer.schedule(Saved(), str(root / "data"), recursive=True)
    try:
        observer.start()
    except OSError as error:  # e.g. no inotify watches left: builds are only slower
        log.info(f"Data forberedes først, når serveren bygger: {error}")
        return
    _data_watch = observer
    threading.Thread(target=_prepare_forever, args=(root,), name="prepare-data", daemon=True).start()


def _prepare_forever(root: Path) -> None:
    while _data_changed.wait():
        while _data_changed.wait(0.02):  # until the file is saved whole: writing it takes several events
            _data_changed.clear()
        # The build that follows meets any problem here again, and reports it.
        with _preparing, contextlib.suppress(Exception):
            generate.prepare(fresh_dataset(root))


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def _index_in_background(dataset, site_dir: Path) -> None:
    """Nobody waits for this thread's result, so a failure is reported in the serve log."""
    try:
        write_indexes(dataset, site_dir)
    except Exception as error:
        log.error(f"Søgeindekset blev ikke bygget: {error}")


def _finish_indexing() -> None:
    if _indexing is not None:
        _indexing.join()
