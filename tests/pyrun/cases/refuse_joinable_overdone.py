from multiprocessing import JoinableQueue, Process

def eager(q):
    q.task_done()   # done before the other process's get: CPython's raises ValueError here or there

def worker(q):
    q.get()
    q.task_done()

if __name__ == "__main__":
    q = JoinableQueue()
    q.put(1)
    a = Process(target=worker, args=(q,))
    b = Process(target=eager, args=(q,))
    a.start()
    b.start()
    a.join()
    b.join()
    print(a.exitcode, b.exitcode)
