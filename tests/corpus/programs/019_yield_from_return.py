def subtotal(items):
    total = 0
    for item in items:
        yield f"adding {item}"
        total += item
    return total


def invoice(groups):
    grand = 0
    for name, items in groups:
        result = yield from subtotal(items)
        yield f"{name}: {result}"
        grand += result
    return grand


gen = invoice([("food", [3, 4]), ("books", [12]), ("misc", [])])
while True:
    try:
        print(next(gen))
    except StopIteration as e:
        print("grand total", e.value)
        break
