"""The one YAML parser the loader uses: libyaml, through PyYAML's C extension. It is required.

PyYAML's pure-Python parser reads some valid files differently (it ends a plain text at '?' inside
{ }, so `{en: Do you develop technology?, ...}` is a syntax error there) and counts error positions
in characters where libyaml counts bytes. A questionnaire must validate the same on every machine,
so there is no fallback. PyYAML's wheels on PyPI include libyaml for Linux x86_64 and aarch64
(checked for the pinned 6.0.4: `yaml/_yaml.cpython-311-*-linux-gnu.so` in both manylinux wheels);
only a build from source without libyaml's headers lacks it.
"""

from __future__ import annotations

try:
    from yaml import CSafeLoader as Loader
except ImportError as exc:  # fail at import, not with a misleading syntax error in a valid file
    raise ImportError(
        "IP Ready needs PyYAML with libyaml (yaml.CSafeLoader), and this PyYAML was built without it. "
        "Install the binary wheel: pip install --force-reinstall --only-binary=pyyaml pyyaml"
    ) from exc

__all__ = ["Loader"]
