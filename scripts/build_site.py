"""`make build`: generate the pages, build the site with MkDocs into a temporary folder, publish the
search indexes and social cards into it, then put it in place of the site folder.

Building beside the live folder means a failed or interrupted build never leaves a half-built site:
the previous site stays until a complete new one is ready, and the new one takes its place by two
renames that no interrupt can come between. Invalid data stop the build before MkDocs starts, with
every problem listed (file, row or line, field, what was expected) and no traceback. One build runs
at a time (evidence/publish/build.py: `exclusive`); a second is refused with one line. Ctrl+C or
SIGTERM removes the temporary folders and prints one line.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from evidence.load.dataset import current_dataset
from evidence.model.site import missing
from evidence.publish.build import BuildBusy, DataInvalid, exclusive, generate_pages, publish, start_publishing
from scripts.review_anonymity import report as anonymity_report

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INTERRUPTED = 130  # as a shell reports a command ended by Ctrl+C


def build(site: Path, root: Path = PROJECT_ROOT) -> int:
    """Run under the build lock (`main`): the folders it cleans up belong to no other build."""
    _remove_leftovers(site)
    staging, aside = (site.with_name(f"{site.name}.{kind}-{os.getpid()}") for kind in ("tmp", "old"))
    started, swapped = None, []
    try:
        try:
            menu = generate_pages(root, record=True)
        except DataInvalid as error:
            return _failed(site, error.report())
        started = start_publishing(root, staging)
        try:
            _mkdocs(root, staging, menu)
            publish(root, staging, started)
        except (MkDocsException, RuntimeError) as error:
            return _failed(site, str(error))
        _swap_in(staging, site, aside, swapped)
    except KeyboardInterrupt:
        done = f"det nye site er lagt i {site.name}/" if swapped else f"{site.name}/ er ikke ændret"
        print(f"Bygningen blev afbrudt; {done}.", file=sys.stderr)
        return INTERRUPTED
    finally:  # also after an interrupt: the other processes stopped, the temporary folders gone
        if started is not None:
            started.cancel()
        for folder in (staging, aside):
            shutil.rmtree(folder, ignore_errors=True)
    _warn(root)
    return 0


def _warn(root: Path) -> None:
    """What the publisher still has to do, as warnings: the build goes on."""
    _warn_missing_links(root)
    _warn_site(root)
    _warn_anonymity(root)


def _swap_in(staging: Path, site: Path, old: Path, swapped: list) -> None:
    """The old site aside, the new one in its place, then the old one deleted. Ctrl+C and SIGTERM wait
    until both renames are done (`_signals_held`), so the site folder is always one whole site (missing for the moment
    between them only if a reader looks exactly then, never half of one)."""
    with _signals_held():
        if site.exists():
            site.rename(old)
        staging.rename(site)
        swapped.append(site)
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl+C and SIGTERM noted, not acted on, until the block is done; then the build ends as
    interrupted. (A signal mask would not do: the operating system gives the signal to any thread
    that does not block it, such as the chart engine's, and Python then interrupts the main thread.)"""
    caught: list[int] = []
    handlers = {signum: signal.signal(signum, lambda number, frame: caught.append(number))
                for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    if caught:
        raise KeyboardInterrupt


def _remove_leftovers(site: Path) -> None:
    """Temporary folders of a build that was killed outright (SIGKILL, power cut)."""
    for pattern in (f"{site.name}.tmp-*", f"{site.name}.old-*", f"{site.name}.tmp"):
        for leftover in site.parent.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)


def _warn_missing_links(root: Path) -> None:
    """A publication without the address of its original (`url` in publications.yml): the site cannot link
    to it, so the build says so until the publisher fills it in."""
    for publication in current_dataset(root).publications.values():
        if not publication.get("url"):
            print(f"ADVARSEL – data/publications.yml, {publication['id']}: feltet 'url' (link til den "
                  "oprindelige publikation) er tomt; sitet linker ikke til publikationen.", file=sys.stderr)


def _warn_site(root: Path) -> None:
    """A field of data/site.yml the publisher has not filled in: the page leaves it out, and the build says so."""
    for field, consequence in missing(current_dataset(root)):
        print(f"ADVARSEL – data/site.yml: feltet '{field}' er tomt; {consequence}.", file=sys.stderr)


def _warn_anonymity(root: Path) -> None:
    """What still waits for a person's anonymity review, as a warning: the build goes on (README: the review)."""
    print("ADVARSEL – " + anonymity_report(current_dataset(root), brief=True), file=sys.stderr)


def _mkdocs(root: Path, site_dir: Path, menu) -> None:
    """`mkdocs build --strict` in this process, which has the data loaded already for the macros; the
    menu and footer come from the generation step, not from a file (evidence/publish/generate.py)."""
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
    menu.apply(config)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def _failed(site: Path, message: str) -> int:
    print(message, file=sys.stderr)
    print(f"Bygningen fejlede; {site.name}/ er ikke ændret.", file=sys.stderr)
    return 1


def _interrupt(signum, frame) -> None:
    """SIGTERM (a CI job cancelled, `kill`) ends the build as Ctrl+C does."""
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=PROJECT_ROOT / "site")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with exclusive(PROJECT_ROOT):
            return build(args.site_dir.resolve())
    except BuildBusy as busy:
        print(busy, file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # before the build started or after it ended
        print("Bygningen blev afbrudt.", file=sys.stderr)
        return INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
