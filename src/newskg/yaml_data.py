"""Reading the bundled YAML data files."""
from __future__ import annotations

import yaml

# libyaml's C loader reads our language files about ten times faster than the pure-Python one;
# that matters for a one-article update, which pays for loading them.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    return yaml.load(text, Loader=_LOADER)
