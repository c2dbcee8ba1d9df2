import threading
def bad():
    1/0
t = threading.Timer(0.01, bad)
t.start()
t.join()
print("end")
