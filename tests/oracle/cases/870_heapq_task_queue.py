# A to-do list kept as a priority queue with heapq, the way tutorials
# build one: (priority, name) tuples pushed and popped, the list's size
# as it grows and shrinks, heapify, heappushpop and heapreplace.
import heapq
import sys

tasks = []
sizes = []
for priority, name in [(5, "write"), (1, "plan"), (3, "test"), (2, "design"), (4, "review"),
                       (0, "idea"), (7, "ship"), (6, "fix"), (9, "party"), (8, "rest")]:
    heapq.heappush(tasks, (priority, name))
    sizes.append(sys.getsizeof(tasks))
print(tasks)
print(sizes)
print("next up:", tasks[0])

while tasks:
    priority, name = heapq.heappop(tasks)
    print(priority, name, len(tasks), sys.getsizeof(tasks))

nums = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(nums)
print(nums, sys.getsizeof(nums))
print(heapq.heappushpop(nums, -1), heapq.heappushpop(nums, 10), nums)
print(heapq.heapreplace(nums, 11), nums)
print(heapq.heappop(nums), heapq.heappop(nums), sys.getsizeof(nums))

# the three smallest and largest, with and without a key
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums))
words = ["banana", "kiwi", "apple", "cherry", "fig", "date"]
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(2, words, key=len))
print(heapq.nsmallest(1, words), heapq.nlargest(1, words, key=len), heapq.nlargest(10, words))
print(heapq.nsmallest(0, words), heapq.nlargest(-2, words))

# the result lists: sized by a comprehension, a slice or a display
top = heapq.nsmallest(5, iter(range(100, 0, -1)))
print(top, sys.getsizeof(top))
squares = heapq.nlargest(4, (x * x % 17 for x in range(30)))
print(squares, sys.getsizeof(squares), sys.getsizeof(heapq.nlargest(9, iter(range(40)))))
print(sys.getsizeof(heapq.nsmallest(3, [5, 1, 4])), sys.getsizeof(heapq.nsmallest(3, iter([]))))
print(sys.getsizeof(heapq.nsmallest(1, [5, 1, 4])), sys.getsizeof(heapq.nsmallest(1, [])))

# a big heap: sorted order comes out
merged = []
for chunk in ([10, 30, 50], [20, 40], [5, 15, 25, 35]):
    for v in chunk:
        heapq.heappush(merged, v)
print([heapq.heappop(merged) for _ in range(len(merged))])
