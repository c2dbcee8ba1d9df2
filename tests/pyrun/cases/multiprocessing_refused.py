# Refused honestly: of multiprocessing the model has Process, Pool, Queue and
# Pipe; a Manager (a server process and proxies) is not modelled.
import multiprocessing
print(multiprocessing.cpu_count() > 0)
m = multiprocessing.Manager()
