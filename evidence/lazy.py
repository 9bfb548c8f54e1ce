"""pandas, loaded on first use rather than on import (the standard library's LazyLoader).

Loading pandas takes half a second, and a build whose results are all remembered
(evidence.build_memo) never uses it. Modules take it from here (`from evidence.lazy import pd`):
a plain `import pandas` of a lazily loaded module loads it at once.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def on_first_use(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


pd = on_first_use("pandas")


def is_frame(value: object) -> bool:
    """Whether `value` is a DataFrame, without loading pandas to ask: only pandas makes one."""
    return type(value).__module__.startswith("pandas.") and isinstance(value, pd.DataFrame)
