import sys
sys._debugmallocstats()
data = []
for i in range(120000):
    data.append(bytes(50))
sys._debugmallocstats()
i = 0
while i < len(data):
    if i % 400 != 0:
        data[i] = None
    i = i + 1
sys._debugmallocstats()
i = 0
while i < len(data):
    if i % 4000 != 0:
        data[i] = None
    i = i + 1
sys._debugmallocstats()
data = None
sys._debugmallocstats()
