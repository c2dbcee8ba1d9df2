import sys
sys._debugmallocstats()
a = []
for i in range(100000):
    a.append(bytes(31))
sys._debugmallocstats()
a = None
sys._debugmallocstats()
b = []
for i in range(100000):
    b.append(bytes(31))
sys._debugmallocstats()
b = None
sys._debugmallocstats()
