# A small batch importer that logs what went wrong with each row and goes
# on: traceback.format_exc() inside the except block, as tutorials show it,
# the frames from the handler's frame down to the raise.
import sys
import traceback


def where(text):
    return text.replace(__file__, "importer.py")


def parse_row(line):
    name, age = line.split(",")
    return name.strip(), int(age)


def import_rows(lines):
    people = []
    errors = []
    for number, line in enumerate(lines, 1):
        try:
            people.append(parse_row(line))
        except ValueError:
            errors.append((number, traceback.format_exc()))
    return people, errors


people, errors = import_rows(["ada, 36", "grace, x", "alan", "linus, 21"])
print(people)
for number, text in errors:
    print(f"row {number} failed:")
    print(where(text), end="")
    print("last line:", text.splitlines()[-1])

print(repr(traceback.format_exc()))


class Inventory:
    def __init__(self):
        self.items = {"apple": 3}

    def take(self, name, count):
        if self.items[name] < count:
            raise RuntimeError(f"only {self.items[name]} {name}s left")
        self.items[name] -= count


inv = Inventory()
for name, count in [("apple", 2), ("pear", 1), ("apple", 5)]:
    try:
        inv.take(name, count)
        print("took", count, name)
    except (KeyError, RuntimeError):
        print("-- could not take", count, name)
        print(where(traceback.format_exc()), end="")
print(inv.items)
