import threading
print(threading.Barrier)
