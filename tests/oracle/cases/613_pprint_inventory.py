# Pretty printing nested data the way people inspect it: an inventory dict
# too wide for one line, sorted keys, width and indent, compact lists,
# pformat for logging, pp keeping insertion order, and long strings.
import pprint

inventory = {
    "warehouse": "north",
    "items": [
        {"sku": "A-100", "name": "bolt", "qty": 1200, "tags": ["metal", "small"]},
        {"sku": "B-220", "name": "bracket", "qty": 35, "tags": ["metal"]},
        {"sku": "C-310", "name": "washer", "qty": 5000, "tags": []},
    ],
    "open": True,
    "zones": ("A", "B", "C"),
    "coords": {"lat": 52.52, "lon": 13.405},
    "empty": {},
}
pprint.pprint(inventory)
pprint.pprint(inventory["items"][0])
pprint.pprint(list(range(40)))
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(list(range(40)), width=30, compact=True)
pprint.pprint(inventory, width=50, indent=2)
text = pprint.pformat({"b": [1, 2], "a": (3,)})
print(text, len(text))
pprint.pp({"z": 1, "a": 2, "m": [3, 4]})
pprint.pprint({"z": 1, "a": 2}, sort_dicts=False)
pprint.pprint({"matrix": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], "name": "identity-ish matrix example"}, width=40)
pprint.pprint({3, 1, 2})
pprint.pprint({"numbers": set(range(30)), "frozen": frozenset({"x", "y"})})
pprint.pprint(("one",))
pprint.pprint("a short string")
pprint.pprint({"quote": "The quick brown fox jumps over the lazy dog and keeps running through the forest until night falls"})
pprint.pprint(["x" * 30, "y" * 30, "z" * 30])
print(pprint.saferepr({"b": 1, "a": [2, {"d": 3, "c": 4}]}))
deep = [1, [2, [3, [4, [5, [6, [7, "seven levels deep of nested lists to show"]]]]]]]
pprint.pprint(deep)
