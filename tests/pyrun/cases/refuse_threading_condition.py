import threading
print(threading.Condition)
