import sys

phone_book = {}
last = sys.getsizeof(phone_book)
print("empty:", last)
for i in range(100):
    phone_book["person%d" % i] = 5550000 + i
    size = sys.getsizeof(phone_book)
    if size != last:
        print("entries", len(phone_book), "size", size)
        last = size

for i in range(90):
    del phone_book["person%d" % i]
print("after deleting 90:", len(phone_book), sys.getsizeof(phone_book))
phone_book.clear()
print("after clear:", sys.getsizeof(phone_book))
copy = dict(a=1, b=2)
print("dict(a=1, b=2):", sys.getsizeof(copy), sys.getsizeof({"a": 1, "b": 2}))
print("int keys:", sys.getsizeof({1: 1, 2: 2}), sys.getsizeof(dict.fromkeys(range(10))))
