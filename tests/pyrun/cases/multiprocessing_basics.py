# multiprocessing the way a course shows it: each process has its own
# memory (a child's changes stay in the child), exit codes, a Process
# subclass, a Pool's map/starmap/apply, an exception from a task caught in
# the parent, and concurrent.futures.ProcessPoolExecutor.
import concurrent.futures
import multiprocessing as mp
import sys

inventory = {"apples": 3}
log = []


def restock(item, amount):
    inventory[item] = inventory.get(item, 0) + amount
    log.append(item)
    print("child sees", sorted(inventory.items()), log)


def fail_with(code):
    print("exiting with", code)
    sys.exit(code)


class Greeter(mp.Process):
    def __init__(self, who):
        super().__init__()
        self.who = who

    def run(self):
        print("hello", self.who, "from", mp.current_process().name)


def square(x):
    return x * x


def power(base, exp):
    return base ** exp


def stats(words):
    return {"count": len(words), "longest": max(words, key=len), "lengths": [len(w) for w in words]}


def invert(x):
    return 1 / x


if __name__ == "__main__":
    print(mp.get_start_method(), mp.current_process().name)
    p = mp.Process(target=restock, args=("pears", 5))
    print(p.name, p.is_alive(), p.exitcode)
    p.start()
    p.join()
    print(p.exitcode, p.is_alive(), sorted(inventory.items()), log)

    q = mp.Process(target=fail_with, args=(3,), name="quitter")
    q.start()
    q.join()
    print(q.name, q.exitcode)

    g = Greeter("world")
    g.start()
    g.join()
    print(g.exitcode, type(g).__mro__[1])

    with mp.Pool(3) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, [], chunksize=2))
        print(pool.starmap(power, [(2, 10), (3, 3), (10, -1)]))
        print(pool.apply(stats, (["memory", "model", "deep", "dive"],)))
        print(pool.map(str.upper, ["a", "b"]))
        try:
            pool.map(invert, [1, 2, 0, 4])
        except ZeroDivisionError as e:
            print("caught:", type(e).__name__, e)
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError:", e)

    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(power, [2, 3, 4], [5, 2, 0])))
        f = ex.submit(stats, ["x", "yy"])
        print(f.result(), f.done(), f.exception())
    print("done", sorted(inventory.items()))
