# A Queue's put() starts its feeder thread, which threading counts in CPython
import multiprocessing as mp
import threading

q = mp.Queue()
print(threading.active_count())
q.put("x")
print(q.get())
print(threading.active_count())
