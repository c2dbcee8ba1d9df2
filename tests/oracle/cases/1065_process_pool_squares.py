# CPU-bound work on a ProcessPoolExecutor and a multiprocessing Pool: the
# results come back in order; each worker's globals are its own copy.
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool

calls = 0


def cpu_task(n):
    global calls
    calls += 1
    return sum(i * i for i in range(n))


if __name__ == "__main__":
    sizes = [1000, 2000, 3000, 4000]
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(cpu_task, sizes)))
    with Pool(2) as pool:
        print(pool.map(cpu_task, sizes))
        print(pool.starmap(pow, [(2, 5), (3, 3), (10, 2)]))
    print("calls in the parent:", calls)
