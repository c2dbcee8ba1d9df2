import sys
sys._debugmallocstats()
bas = []
for i in range(50000):
    bas.append(bytearray(40))
sys._debugmallocstats()
bas = None
sys._debugmallocstats()
