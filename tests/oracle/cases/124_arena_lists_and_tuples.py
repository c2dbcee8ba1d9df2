import sys
sys._debugmallocstats()
keep = []
for i in range(60000):
    keep.append([i, i])
sys._debugmallocstats()
tups = []
for i in range(60000):
    tups.append((i, i, i))
sys._debugmallocstats()
keep = None
sys._debugmallocstats()
tups = None
sys._debugmallocstats()
