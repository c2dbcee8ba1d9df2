# Take a snapshot, run the suspect code, take another, compare by line
import tracemalloc

tracemalloc.start()
before = tracemalloc.take_snapshot()

cache = {}
for i in range(5000):
    cache[i] = bytes(100)

after = tracemalloc.take_snapshot()
diff = after.compare_to(before, "lineno")
top = diff[0]
print("grown line:", top.traceback[0].lineno)
print("size diff:", top.size_diff, "count diff:", top.count_diff)
for stat in diff[:4]:
    print(stat.traceback[0].lineno, stat.size, stat.size_diff, stat.count, stat.count_diff)
print(len(diff))
tracemalloc.stop()
