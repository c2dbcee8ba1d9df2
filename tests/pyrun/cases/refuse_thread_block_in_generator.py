import threading
import time

def ticks():
    for i in range(3):
        time.sleep(0.01)
        yield i

t = threading.Thread(target=print, args=("started",))
t.start()
print(list(ticks()))
