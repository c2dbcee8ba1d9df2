# Workload 2 of make bench: 200,000 objects built with bytes(60), then 98% of
# them dropped (one in fifty kept): allocation, then pools and arenas freed.
blobs = [bytes(60) for i in range(200000)]
kept = [blobs[i] for i in range(0, 200000, 50)]
blobs = None
print(len(kept), len(kept[0]))
