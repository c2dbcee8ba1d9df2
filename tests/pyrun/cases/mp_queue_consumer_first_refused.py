import multiprocessing as mp

def consumer(q):
    print("got", q.get())

if __name__ == "__main__":
    q = mp.Queue()
    c = mp.Process(target=consumer, args=(q,))
    c.start()
    q.put("hello")
    c.join()
