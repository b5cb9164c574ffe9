"""Find import cycles among Taiyaku's modules (gui/, model/, cli/).

    python tools/check_cycles.py        prints each cycle with the imports that make it; exit 1 if any

Every import counts: at the top of a module, inside a function, and under
``if TYPE_CHECKING:`` (a cycle that only the type checker sees still ties the two
modules together: neither can be understood, moved or tested alone). The graph
is grimp's, the library import-linter is built on.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGES = ("gui", "model", "cli")
ROOT = Path(__file__).resolve().parents[1]


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of ``PACKAGES`` it imports directly."""
    import grimp

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph(*PACKAGES, include_external_packages=False, cache_dir=None)
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (or a module importing itself),
    each sorted, the list sorted: Tarjan's algorithm, iterative (no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
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
                if len(component) > 1 or node in edges.get(node, ()):
                    found.append(sorted(component))
    return sorted(found)


def describe(component: list[str], edges: dict[str, set[str]]) -> str:
    """One cycle as the imports between its members, one a line."""
    members = set(component)
    lines = [f"cycle of {len(component)} modules:"]
    for module in component:
        for imported in sorted(edges[module] & members):
            lines.append(f"    {module} -> {imported}")
    return "\n".join(lines)


def main() -> int:
    edges = import_graph()
    found = cycles(edges)
    for component in found:
        print(describe(component, edges))
    if found:
        print(f"{len(found)} import cycle(s) among {', '.join(PACKAGES)}")
        return 1
    print(f"no import cycle among {', '.join(PACKAGES)} ({len(edges)} modules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
