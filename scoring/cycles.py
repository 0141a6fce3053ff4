"""Cycles among `show_if` dependencies, in time linear in the number of questions and references.

A search from every question (the obvious way) took seconds on a few thousand chained questions.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator


def _components(depends: dict[str, set[str]]) -> Iterator[list[str]]:
    """Strongly connected components (Tarjan), iterative so that long chains cannot hit the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in depends:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(sorted(depends.get(root, ()))))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(depends.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    yield component


def _loop_through(first: str, members: set[str], depends: dict[str, set[str]]) -> list[str]:
    """A shortest loop first -> ... -> first inside one component (breadth-first)."""
    came_from: dict[str, str] = {}
    queue = deque([first])
    while queue:
        node = queue.popleft()
        for ref in sorted(depends.get(node, ())):
            if ref == first and node != first:
                loop = [node]
                while loop[-1] != first:
                    loop.append(came_from[loop[-1]])
                return loop[::-1]
            if ref in members and ref != first and ref not in came_from:
                came_from[ref] = node
                queue.append(ref)
    return [first]  # pragma: no cover - a component of two or more always has a loop through each member


def find_cycles(depends: dict[str, set[str]], order: Callable[[str], int]) -> list[list[str]]:
    """Each question that depends on itself as [q], and one loop per larger group, told from its earliest
    question (by `order`); sorted by where they start."""
    cycles = [[q] for q in depends if q in depends[q]]
    for component in _components(depends):
        if len(component) > 1:
            first = min(component, key=order)
            cycles.append(_loop_through(first, set(component), depends))
    return sorted(cycles, key=lambda cycle: (order(cycle[0]), len(cycle)))
