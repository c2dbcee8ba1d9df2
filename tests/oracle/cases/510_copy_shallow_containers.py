# Shallow copies share the items: only the outer container is new.
import copy
import sys
import gc

inventory = ["apples", "pears", ["red", "green"]]
snapshot = copy.copy(inventory)
print(snapshot == inventory, snapshot is inventory)
print(snapshot[2] is inventory[2])
print(sys.getsizeof(inventory), sys.getsizeof(snapshot))
print(sys.getrefcount(inventory[2]))

inventory.append("plums")
print(len(inventory), len(snapshot))
snapshot.append("figs")
print(sys.getsizeof(snapshot))

prices = {"apples": 3, "pears": 4, "plums": 5}
prices_copy = copy.copy(prices)
print(prices_copy, sys.getsizeof(prices), sys.getsizeof(prices_copy))
print(gc.is_tracked(prices), gc.is_tracked(prices_copy))

nested = {"fruit": inventory}
nested_copy = copy.copy(nested)
print(gc.is_tracked(nested_copy), nested_copy["fruit"] is inventory)
print(sys.getrefcount(inventory))

tags = {"fresh", "local", "organic"}
tags_copy = copy.copy(tags)
print(tags_copy == tags, tags_copy is tags, sys.getsizeof(tags_copy))

point = (1, 2)
label = "text"
print(copy.copy(point) is point, copy.copy(label) is label)
big = {i: i * i for i in range(12)}
print(sys.getsizeof(big), sys.getsizeof(copy.copy(big)))
del big[3], big[4], big[5], big[6], big[7]
print(sys.getsizeof(copy.copy(big)))
