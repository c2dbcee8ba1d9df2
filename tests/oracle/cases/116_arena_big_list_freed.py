import sys
sys._debugmallocstats()
data = []
for i in range(200000):
    data.append(bytes(20))
sys._debugmallocstats()
data = None
sys._debugmallocstats()
print("done")
