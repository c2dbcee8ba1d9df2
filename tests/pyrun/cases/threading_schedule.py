# Output that depends on the schedule runs on the model's (the same every
# run); CPython's OS may order these lines otherwise, so no oracle compares it.
import threading
import time

order = []


def worker(name, n):
    for _ in range(n):
        order.append(name)
        time.sleep(0.001)


a = threading.Thread(target=worker, args=("a", 3))
b = threading.Thread(target=worker, args=("b", 3))
a.start()
b.start()
a.join()
b.join()
print(order)
