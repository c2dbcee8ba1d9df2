import threading
lock = threading.Lock()
lock.acquire()
print("held")
lock.acquire()
print("never")
