# Which lines allocated the most? Snapshot statistics by line
import tracemalloc

tracemalloc.start()
names = [str(i) * 5 for i in range(3000)]
table = {i: [i] * 4 for i in range(500)}
blob = bytes(20000)
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")
for stat in top[:3]:
    frame = stat.traceback[0]
    print(frame.lineno, stat.size, stat.count)
print(len(top))
tracemalloc.stop()
