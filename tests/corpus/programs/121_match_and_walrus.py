def describe(command):
    match command.split():
        case ["go", direction]:
            return f"moving {direction}"
        case ["pick", "up", *items] if items:
            return f"picking up {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "say something"
        case _:
            return f"unknown: {command!r}"


for cmd in ["go north", "pick up key lamp", "exit", "", "dance"]:
    print(describe(cmd))


def shape_area(shape):
    match shape:
        case {"kind": "circle", "r": r}:
            return round(3.14159 * r * r, 2)
        case {"kind": "rect", "w": w, "h": h}:
            return w * h
        case (x, y):
            return f"point {x},{y}"
    return None


print(shape_area({"kind": "circle", "r": 2}), shape_area({"kind": "rect", "w": 3, "h": 4}),
      shape_area((1, 2)), shape_area("?"))
data = [5, 12, 7, 20, 3]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")
print([y for x in data if (y := x * 2) > 15])
