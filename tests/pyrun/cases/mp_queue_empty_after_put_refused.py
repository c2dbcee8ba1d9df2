# empty() right after put(): CPython's feeder thread decides (True here on
# most runs, False once it ran): refused
import multiprocessing as mp

q = mp.Queue()
q.put(1)
print(q.qsize())
print(q.empty())
