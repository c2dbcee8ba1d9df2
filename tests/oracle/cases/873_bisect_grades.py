# bisect as the docs and books use it: grades from breakpoints, a sorted
# list kept sorted by insort (its size as it grows), lo/hi, key=, and a
# class whose __lt__ shows the probes.
import bisect
import sys

def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    i = bisect.bisect(breakpoints, score)
    return grades[i]

print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
a = [1, 2, 4, 4, 4, 8, 16]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4, 3), bisect.bisect_left(a, 4, 0, 2))
print(bisect.bisect_left(a, 4, lo=4), bisect.bisect_right(a, 4, hi=3), bisect.bisect_left(a, 100, hi=None))
print(bisect.bisect_left((1, 3, 5), 4), bisect.bisect_right("aceg", "d"), bisect.bisect_left(range(0, 100, 5), 42))

people = [("alice", 25), ("bob", 31), ("carol", 47)]
print(bisect.bisect_left(people, 30, key=lambda p: p[1]))
bisect.insort(people, ("dave", 35), key=lambda p: p[1])
print(people, sys.getsizeof(people))

grow = []
sizes = []
for v in [5, 1, 9, 3, 7, 2, 8, 6, 4, 0, 11, 10, 12, 15, 13, 14, 16]:
    bisect.insort(grow, v)
    sizes.append(sys.getsizeof(grow))
print(grow)
print(sizes)

log = []

class Version:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        log.append((self.n, other.n))
        return self.n < other.n

    def __repr__(self):
        return "V%d" % self.n

vs = [Version(i) for i in range(0, 20, 2)]
print(bisect.bisect_left(vs, Version(7)), log)
log.clear()
bisect.insort_right(vs, Version(8))
print(vs, log)

x = 12345678
lst = [1, 2]
bisect.insort(lst, x)
print(sys.getrefcount(x) - sys.getrefcount(12345679), sys.getsizeof(lst))
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right, bisect.bisect)
