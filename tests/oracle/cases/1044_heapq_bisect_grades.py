import heapq, bisect
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, [5, 1, 8, 3]))
tasks = [(3, 'write'), (1, 'eat'), (2, 'sleep')]
heapq.heapify(tasks)
while tasks:
    print(heapq.heappop(tasks))
print(heapq.nsmallest(2, ['apple', 'fig', 'banana'], key=len))
scores = [60, 70, 80, 90]
grades = 'FDCBA'
def grade(s):
    return grades[bisect.bisect(scores, s)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
lst = [1, 3, 5]
bisect.insort(lst, 4)
bisect.insort_left(lst, 3)
print(lst, bisect.bisect_left(lst, 3), bisect.bisect_right(lst, 3))
