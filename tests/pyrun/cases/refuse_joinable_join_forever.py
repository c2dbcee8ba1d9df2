from multiprocessing import JoinableQueue, Process

def worker(q):
    q.get()
    q.task_done()   # one of two items marked done

if __name__ == "__main__":
    q = JoinableQueue()
    q.put(1)
    q.put(2)
    p = Process(target=worker, args=(q,))
    p.start()
    p.join()
    print("worker ended")
    q.join()        # CPython waits for ever: one task is never done
    print("not reached")
