import heapq
print(heapq.nsmallest(2, [5, 1, 4]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8])))
