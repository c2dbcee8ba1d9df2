import threading
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(square, [1, 2, 3]))
        print(threading.active_count())   # CPython: 4 (the pool's three handler threads)
