# Name lookups go through a cache per instruction (vm_names.c): each hit
# must still see the dicts as they are now.
import sys


def size():
    return len("abcd")     # LOAD_GLOBAL: builtins, then globals once bound


results = []
for step in range(6):
    if step == 2:
        len = lambda x: 40  # a global now hides the builtin
    if step == 4:
        del len             # and the builtin is back
    results.append(size())
print(results)

# the same instruction, a name moving between entries: deleted, then added
# back after the table grew
total = 0
for i in range(5):
    total = total + i
    if i == 2:
        del total
        n1 = n2 = n3 = n4 = n5 = n6 = n7 = n8 = n9 = n10 = n11 = n12 = i
        n13 = n14 = n15 = n16 = n17 = n18 = n19 = n20 = n21 = n22 = i
        total = 100
print(total, n22)


def bump():
    global counter
    counter = counter + 1   # STORE_GLOBAL: the cached entry of a global


counter = 0
for i in range(3):
    bump()
del counter
counter = 10
bump()
print(counter)


class Box:
    tag = "box"
    label = tag + "!"       # LOAD_NAME in a class body: its own namespace first
    width = len(tag)


print(Box.label, Box.width)

# counts: the cache holds no reference
value = object()
before = sys.getrefcount(value)
for i in range(3):
    value
print(sys.getrefcount(value) - before)
