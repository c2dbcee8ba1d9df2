import array, sys
a = array.array('i', range(10))
print(a, a.itemsize, len(a), sys.getsizeof(a))
a.append(100)
a.extend([7, 8])
print(a.tolist()[-3:], a[2:5], a.count(7), a.index(100))
b = array.array('d', [1.5, 2.5])
print(b, b.typecode, sum(b))
c = array.array('b')
for i in range(20):
    c.append(i)
print(sys.getsizeof(c), len(c))
print(array.array('H', [1, 2]) + array.array('H', [3]))
lst = list(range(1000))
arr = array.array('q', lst)
print(sys.getsizeof(lst), sys.getsizeof(arr))
print(arr.tobytes()[:16])
a = array.array('h')
print(sys.getsizeof(a))
a.fromlist([1, 2, 3])
print(a, sys.getsizeof(a))
a.fromlist(list(range(20)))
print(len(a), sys.getsizeof(a))
a.fromlist([])
try:
    a.fromlist([1, 2, 70000])
except OverflowError as e:
    print("overflow:", e)
print(len(a), sys.getsizeof(a))
try:
    a.fromlist((1, 2))
except TypeError as e:
    print(e)
try:
    a.fromlist([1, 'x'])
except TypeError as e:
    print(e)
print(len(a), a[-3:])
d = array.array('d', [0.5])
d.fromlist([1, 2.5])
print(d, sys.getsizeof(d))
