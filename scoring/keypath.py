"""Key paths as staff read them: `sections[strategy].questions[ip_policy].options[2].score`.

List items are named by their `id` (or an option by its `value`) when they have one, so a path
stays meaningful when items move; otherwise by their position, counted from 0.
"""

from __future__ import annotations

from typing import Any

from scoring.problems import KeyPath


def _item_name(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "value"):
            name = item.get(key)
            if isinstance(name, str) and name and all(c not in name for c in "[]."):
                return name
    return str(index)


def format_path(path: KeyPath, data: Any) -> str:
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            out += f"[{_item_name(item, part)}]"
            node = item
        else:
            out += f".{part}" if out else part
            node = node.get(part) if isinstance(node, dict) else None
    return out
