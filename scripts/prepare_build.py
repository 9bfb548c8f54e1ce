"""Started by `make build` (scripts/build_site.py) beside MkDocs: check the data and make the pages.

MkDocs takes a moment to start, and its hook can only begin with the data once it has. This process
uses that moment and the second core: it holds the build memo's lock (evidence.build_memo.locked),
makes into the memo what the hook would make, and exits. The hook waits for the lock and finds
everything made. It reports nothing: a mistake in the data, or anything else that goes wrong here,
happens again in the build, which reports it.
"""

from __future__ import annotations

import contextlib
import sys

from evidence import generate
from evidence.dataset import PROJECT_ROOT, end_build, start_build


def main() -> int:
    memo = start_build(PROJECT_ROOT)
    try:
        generate.made_for_build(PROJECT_ROOT, memo)
    except Exception:  # noqa: BLE001 - the build meets it again and reports it
        return 0
    finally:
        end_build(PROJECT_ROOT)
    with contextlib.suppress(OSError):
        memo.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
