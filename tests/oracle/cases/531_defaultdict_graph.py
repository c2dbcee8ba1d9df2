# An adjacency list with defaultdict(list): a missing vertex gets a fresh
# list the moment it is looked up, which the dict then keeps.
import gc
import sys
from collections import defaultdict

edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("e", "a")]

gc.collect()
print(gc.get_count())
graph = defaultdict(list)
print(type(graph), type(graph).__name__, isinstance(graph, dict), graph.default_factory)
print("empty:", sys.getsizeof(graph), "bytes; a plain dict:", sys.getsizeof({}), gc.is_tracked(graph))
for src, dst in edges:
    graph[src].append(dst)
print(gc.get_count())
print(graph)
print(len(graph), sys.getsizeof(graph), sorted(graph))


def reachable(start):
    seen, todo = [], [start]
    while todo:
        v = todo.pop()
        if v in seen:
            continue
        seen.append(v)
        todo.extend(graph[v])
    return seen


print(reachable("a"))
print("looking up 'z' adds it:", graph["z"], "z" in graph, len(graph))
print("get() does not:", graph.get("y"), "y" in graph, len(graph))
print(sys.getrefcount(graph["a"]), sys.getrefcount(graph))
snapshot = graph.copy()
print(type(snapshot).__name__, snapshot == graph, snapshot["a"] is graph["a"], snapshot.default_factory)
plain = dict(graph)
print(type(plain).__name__, len(plain), sys.getsizeof(plain))
del snapshot, plain
print(gc.collect())
