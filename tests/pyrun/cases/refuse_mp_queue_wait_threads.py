import multiprocessing as mp
import threading, time

def child(q):
    time.sleep(0.2)
    q.put("from child")

def ticker():
    for i in range(3):
        time.sleep(0.1)
        print("tick", i)

if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    t = threading.Thread(target=ticker)
    t.start()
    p.start()
    print(q.get())
    p.join(); t.join()
