import threading

items = []
cond = threading.Condition()
with cond:
    print(cond.wait_for(lambda: True, timeout=0.1))
