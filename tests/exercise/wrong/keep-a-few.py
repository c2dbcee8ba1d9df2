# Wrong: the sample is summed and then dropped with the big list: the arenas
# go back, but the program no longer keeps its 1,000 sampled records.
records = [bytes(50) for i in range(100000)]
sample = records[::100]
total = 0
for s in sample:
    total += len(s)
del records
sample = None
print("kept", total, "bytes of samples")
