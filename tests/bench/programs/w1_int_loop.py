# Workload 1 of make bench: a loop of 2,000,000 integer additions at module
# level (name lookups, the loop, int arithmetic beyond the small-int cache).
total = 0
step = 7
for n in range(2000000):
    total = total + step
print(total)
