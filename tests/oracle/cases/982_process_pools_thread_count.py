# How many threads does this program have?  A learner checks
# threading.active_count() around process pools: once a Pool is terminated
# (the with block) or closed and joined, and once a ProcessPoolExecutor is
# shut down, the pools' own threads are gone and only the main thread is
# left.
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    print("at start:", threading.active_count(), threading.current_thread().name)
    with Pool(2) as pool:
        print(pool.map(square, range(5)))
    print("after the with block:", threading.active_count())

    pool = Pool(3)
    print(pool.starmap(pow, [(2, 3), (3, 2)]))
    pool.close()
    pool.join()
    print("after close and join:", threading.active_count())

    ex = ProcessPoolExecutor(max_workers=2)
    print("before any task:", threading.active_count())
    print(list(ex.map(square, [6, 7])))
    ex.shutdown()
    print("after shutdown:", threading.active_count(), [t.name for t in threading.enumerate()])

    with ProcessPoolExecutor(2) as ex:
        futures = [ex.submit(square, n) for n in (8, 9)]
    print([f.result() for f in futures], threading.active_count())
