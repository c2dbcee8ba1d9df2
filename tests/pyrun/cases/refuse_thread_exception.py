import threading

def boom():
    return 1 / 0

t = threading.Thread(target=boom)
t.start()
t.join()
print("after")
