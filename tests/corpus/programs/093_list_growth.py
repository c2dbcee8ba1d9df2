import sys

items = []
last = sys.getsizeof(items)
print(f"len=0 size={last}")
for i in range(40):
    items.append(i)
    size = sys.getsizeof(items)
    if size != last:
        print(f"len={len(items):>2} size={size:>4} (+{size - last})")
        last = size

print("comprehension:", sys.getsizeof([i for i in range(40)]))
print("list(range):", sys.getsizeof(list(range(40))))
print("repeat:", sys.getsizeof([0] * 40))
while len(items) > 5:
    items.pop()
print("after pops:", sys.getsizeof(items))
items.clear()
print("after clear:", sys.getsizeof(items))
