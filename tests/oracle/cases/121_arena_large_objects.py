import sys
print(sys.getsizeof(bytes(479)), sys.getsizeof(bytes(480)), sys.getsizeof(bytes(100000)))
sys._debugmallocstats()
big = []
for i in range(20000):
    big.append(bytes(1000))
sys._debugmallocstats()
huge = []
for i in range(200):
    huge.append(bytes(100000))
sys._debugmallocstats()
edge = []
for i in range(20000):
    edge.append(bytes(480))
sys._debugmallocstats()
under = []
for i in range(20000):
    under.append(bytes(479))
sys._debugmallocstats()
big = None
huge = None
edge = None
under = None
sys._debugmallocstats()
