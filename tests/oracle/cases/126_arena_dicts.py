import sys
sys._debugmallocstats()
ds = []
for i in range(30000):
    ds.append({1: i, 2: i})
sys._debugmallocstats()
ds = None
sys._debugmallocstats()
