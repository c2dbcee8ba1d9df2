import sys
class P:
    def __init__(self, v):
        self.v = v
sys._debugmallocstats()
ps = []
for i in range(50000):
    ps.append(P(i))
sys._debugmallocstats()
for i in range(50000):
    if i % 1000 != 0:
        ps[i] = None
sys._debugmallocstats()
ps = None
sys._debugmallocstats()
