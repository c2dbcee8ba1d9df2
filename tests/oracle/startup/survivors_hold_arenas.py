# compare: 5
# exercises/ch01/survivors-hold-arenas, with a report after each phase.
import sys
data = [bytes(50) for i in range(100000)]
sys._debugmallocstats()
survivors = data[::100]
del data
sys._debugmallocstats()
survivors = None
sys._debugmallocstats()
