# Refused honestly: an uncaught queue.Empty after a timed-out get() (CPython's
# traceback shows Lib/queue.py's frames).
import queue
q = queue.Queue()
print("waiting")
item = q.get(timeout=0.5)
