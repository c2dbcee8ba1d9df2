import sys
sys._debugmallocstats()
objs = []
for i in range(100000):
    objs.append(bytes(60))
sys._debugmallocstats()
for i in range(100000):
    if i % 2 == 1:
        objs[i] = None
sys._debugmallocstats()
for i in range(100000):
    objs[i] = None
sys._debugmallocstats()
objs = None
sys._debugmallocstats()
