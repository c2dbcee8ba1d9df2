# What a multiprocessing queue and a pipe are to the program: their types,
# sizes and references, a bounded queue that fills (queue.Full), a
# SimpleQueue a child fills, and results that come back as copies.
import multiprocessing as mp
import queue
import sys


def fill(sq, n):
    for i in range(n):
        sq.put({"i": i, "sq": i * i})
    sq.put(None)


def mutate(box, out):
    box.append("child")
    out.put(box)


if __name__ == "__main__":
    q = mp.Queue(maxsize=2)
    sq = mp.SimpleQueue()
    left, right = mp.Pipe()
    for obj in (q, sq, left):
        print(type(obj).__name__, type(obj).__module__, sys.getsizeof(obj), sys.getrefcount(obj))

    q.put("a")
    q.put_nowait("b")
    print(q.qsize(), q.full())
    try:
        q.put_nowait("c")
    except queue.Full:
        print("Full")
    print(q.get(), q.get(), q.qsize(), q.full())

    p = mp.Process(target=fill, args=(sq, 3))
    p.start()
    p.join()
    items = []
    while (item := sq.get()) is not None:
        items.append(item)
    print(items, sq.empty(), p.exitcode)

    box = ["parent"]
    out = mp.Queue()
    c = mp.Process(target=mutate, args=(box, out))
    c.start()
    back = out.get()
    c.join()
    print(box, back, back is box, sys.getrefcount(back))

    right.send(box)
    got = left.recv()
    print(got == box, got is box, left.poll())
    left.close()
    try:
        left.recv()
    except OSError as e:
        print("OSError:", e)
