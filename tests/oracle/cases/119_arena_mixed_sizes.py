import sys
sys._debugmallocstats()
small = []
medium = []
large = []
for i in range(40000):
    small.append(bytes(8))
    medium.append(bytes(150))
    large.append(bytes(400))
sys._debugmallocstats()
medium = None
sys._debugmallocstats()
large = None
sys._debugmallocstats()
small = None
sys._debugmallocstats()
