# What JSON costs in memory: the import from a clean collector, the objects
# loads() builds (sizes of dicts and lists built item by item, shared key
# strings), and the collector after a round trip.
import gc
import sys
gc.collect()
import json

print("import json:", gc.get_count())
records = json.loads(json.dumps([{"id": i, "name": "user%d" % i, "scores": [i, i * 2]} for i in range(100)]))
gc.collect()
print(gc.get_count(), len(records))
print(sys.getsizeof(records), sys.getsizeof(records[0]), sys.getsizeof(records[0]["scores"]))
names = [list(r)[1] for r in records]
print(all(n is names[0] for n in names), sys.getrefcount(names[0]) - len(names))
big = json.loads("[" + ", ".join(str(i) for i in range(1000)) + "]")
print(len(big), sys.getsizeof(big), sys.getsizeof([0] * 1000), sys.getsizeof(list(range(1000))))
nested = json.loads('{"a": {"b": {"c": []}}, "d": [[], [[]]], "e": {}}')
print(sys.getsizeof(nested), sys.getsizeof(nested["e"]), sys.getsizeof(nested["d"]), gc.is_tracked(nested["e"]))
del records, names, big, nested
print(gc.collect())
print(gc.get_count())
