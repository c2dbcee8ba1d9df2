# A small report: aligned columns, thousands separators, percentages and
# significant digits, big counters in hex, numbers typed in other scripts.
rows = [("arena", 262144, 0.8125), ("pool", 16384, 0.5), ("block", 32, 0.015625), ("huge", 2 ** 70, 1 / 3)]
print(f"{'name':<8}|{'bytes':>26}|{'used':>8}|{'share':>10}|{'hex':>20}")
for name, size, used in rows:
    print(f"{name:<8}|{size:>26,}|{used:>8.1%}|{used:>10.3}|{size:>#20x}")
print(f"{2 ** 64:_b}"[-20:], f"{-(2 ** 80):o}", "%x|%X|%#o" % (2 ** 65, 3 * 2 ** 70, 2 ** 64))
print("%d %i" % (1e20, -2.5e19), "%e" % 2 ** 100, format(2 ** 90, ".3e"), f"{10 ** 30:.2f}")
for x in (1.5, 12.5, 100.0, 0.000123, 99.95):
    print(x, f"{x:.1}", f"{x:.2}", f"{x:.3}", f"{x:#.3}", format(x, ".4"))
for text in ("٤٢", "१२३", " ７ ", "٣.٥", "x١"):
    try:
        print(repr(text), int(text) if "." not in text else float(text))
    except ValueError as e:
        print("ValueError:", e)
path = "/srv/data/report.csv"
print(path.startswith("data", 5), path.endswith(".csv", 0, -4), path.startswith(("/tmp", "/srv")), path.endswith("", 99))
