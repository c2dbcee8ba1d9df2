# PEP 709 as the "what's new" tutorials show it: since 3.12 a list, set or
# dict comprehension runs inside its function, so locals() in it sees the
# function's variables too; 3.11 shows the comprehension's own frame.
import sys


def scores_report(names, points):
    bonus = 5
    rows = [f"{name}: {p + bonus}" for name, p in zip(names, points)]
    seen = [list(locals()) for name in names[:1]]
    print(rows)
    print(seen)
    return sorted(locals())


print(scores_report(["ann", "bob"], [10, 20]))


def grid(n):
    size = n
    cells = {(r, c): len(locals()) for r in range(n) for c in range(n)}
    return cells


print(grid(2))


def shadowing():
    x = "outer"
    inside = [(x, sorted(k for k in locals() if not k.startswith("."))) for x in range(2)]
    return x, inside


print(shadowing())


def walrus_total(values):
    doubled = [y for v in values if (y := v * 2) > 2]
    return doubled, list(locals())


print(walrus_total([1, 2, 3]))


def same_dict():
    first = locals()
    inner = [locals() for _ in range(1)][0]
    print("same dict as the function's:", inner is first)
    print(sorted(first), sorted(inner))
    print(sys.getrefcount(first))


same_dict()
counter = lambda items: [len(locals()) for item in items]
print(counter("ab"))
print([n for n in (1, 2)], [list(locals()) for k in range(1) if k == 0][0][-1:] if False else "module-level skipped")
