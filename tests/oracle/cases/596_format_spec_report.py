# A sales report laid out with format specs, widths taken from the data.
items = [("widget", 1234, 2.5), ("gadget", 56, 19.99), ("gizmo", 789012, 0.125), ("doohickey", -3, 1e-3)]
name_w = max(len(name) for name, _, _ in items) + 2
qty_w = 10
print(f"{'item':<{name_w}}|{'qty':>{qty_w}}|{'price':^12}|{'share':>8}")
print(f"{'':-<{name_w}}+{'':->{qty_w}}+{'':-^12}+{'':->8}")
total = sum(q for _, q, _ in items)
for name, qty, price in items:
    print(f"{name:<{name_w}}|{qty:>{qty_w},}|{price:^12.3f}|{qty / total:>8.2%}")
print(f"{'total':.<{name_w}}|{total:>{qty_w}_}|{'':12}|{1:>8.0%}")
print("{:{fill}{align}{width}}".format("centre", fill="*", align="^", width=14))
print("{0:>{1}} {0:<{1}}|".format("ab", 5))
for n in (0, 7, 255, -42, 65535):
    print(f"{n:#06x} {n:#b} {n:o} {n:+d} {n: d} {n:08,d} {n:_b}")
for x in (3.0, -0.5, 1234567.891, 1e16, 2.5e-7, float("inf")):
    print(f"{x} {x:.3} {x:g} {x:e} {x:,.2f} {x:010.1f} {x:#} {x:+.1e} {x!r:>14}")
print(format(True, ">5"), format(True, ""), format(65, "c"), format("é", "^5"), format("text", ".2"))
for bad in ["d", ",s", "=5", "+"]:
    try:
        format("s", bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in [".2d", "z", "xx", ",x", "_c"]:
    try:
        format(42, bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    format([1, 2], "5")
except TypeError as e:
    print("TypeError:", e)
f"{3.5:d}"
