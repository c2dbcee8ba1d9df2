import sys
sys._debugmallocstats()
rnd = 0
while rnd < 8:
    tmp = []
    for i in range(20000):
        tmp.append(bytes(100))
    tmp = None
    rnd = rnd + 1
    sys._debugmallocstats()
