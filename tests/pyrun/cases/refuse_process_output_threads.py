import threading
import time
from multiprocessing import Process

def child():
    time.sleep(0.1)
    print("child done")   # lands when the child exits, among the ticks

def ticker():
    for i in range(3):
        time.sleep(0.06)
        print("tick", i, flush=True)

if __name__ == "__main__":
    t = threading.Thread(target=ticker)
    t.start()
    p = Process(target=child)
    p.start()
    p.join()
    t.join()
