# compare_to grouped by file: the program's file and tracemalloc's own
import tracemalloc

tracemalloc.start()
one = tracemalloc.take_snapshot()
records = [{"id": i, "name": "user%d" % i} for i in range(300)]
two = tracemalloc.take_snapshot()
diff = two.compare_to(one, "filename")
print(len(diff))
for stat in diff:
    print(stat.traceback[0].lineno, stat.size, stat.size_diff, stat.count, stat.count_diff)
tracemalloc.stop()
