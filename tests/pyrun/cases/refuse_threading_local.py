import threading
data = threading.local()
data.x = 1
print(data.x)
