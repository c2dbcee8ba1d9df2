# A text adventure's command parser, as the PEP 636 tutorial writes it:
# split the line, then match the words.
import sys
import gc

inventory = []
room = {"north": "hall", "south": "garden"}

def handle(command):
    match command.split():
        case [action]:
            return "verb only: " + action
        case ["go", direction] if direction in room:
            return "you walk to the " + room[direction]
        case ["go", direction]:
            return "you cannot go " + direction
        case ["drop", *objects]:
            return "dropping " + ", ".join(objects) + " (" + str(len(objects)) + ")"
        case ["pick", "up", obj] | ["take", obj]:
            inventory.append(obj)
            return "taken: " + obj
        case ["look", ("at" | "into") as how, *rest]:
            return "looking " + how + " " + " ".join(rest)
        case ["quit" | "exit" | "bye"]:
            return "goodbye"
        case []:
            return "say something"
        case _:
            return "I don't understand " + repr(command)

for line in ["look", "go north", "go west", "drop sword shield lamp", "pick up key", "take map",
             "look at the painting", "look into well", "quit", "", "dance wildly now please"]:
    print(handle(line))
print(inventory)

gc.collect()
before = gc.get_count()
match ["drop", "a", "b", "c", "d", "e"]:
    case ["drop", *things]:
        grown = gc.get_count()[0] - before[0]
        print(things, sys.getsizeof(things), gc.is_tracked(things), grown)
words = ["move", 1, 2, 3]
match words:
    case [verb, *numbers]:
        print(verb, numbers, sys.getrefcount(words), sys.getrefcount(numbers))
match words:
    case [first, *_, last]:
        print(first, last, sys.getrefcount(words))
match tuple(words):
    case (_, _, *middle, _):
        print(middle, type(middle).__name__, sys.getsizeof(middle))
gc.collect()
before = gc.get_count()[0]
del things, numbers, middle
match words:
    case [_, *tail]:
        after_star = gc.get_count()[0] - before
    case _:
        pass
match words:
    case [_, _, *_]:
        after_wildcard = gc.get_count()[0] - before
print(after_star, after_wildcard)
