import sys
sys._debugmallocstats()
vals = []
x = 0.5
for i in range(150000):
    vals.append(x * i)
sys._debugmallocstats()
vals.clear()
sys._debugmallocstats()
for i in range(150000):
    vals.append(x * i)
sys._debugmallocstats()
vals = None
sys._debugmallocstats()
