# print() to a pipe or file: TextIOWrapper keeps the pending chunks in a list
# until it flushes; what does that cost the young generation's count?
import gc

gc.collect()
before = gc.get_count()
for i in range(3):
    print("line", i)
after = gc.get_count()
print(after[0] - before[0])
