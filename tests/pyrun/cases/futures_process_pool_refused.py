# Refused honestly: a ProcessPoolExecutor task that raises (its traceback
# is the worker's, through concurrent.futures.process's frames).
from concurrent.futures import ProcessPoolExecutor


def check(n):
    if n < 0:
        raise ValueError("negative")
    return n


if __name__ == "__main__":
    print("starting")
    with ProcessPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(abs, [-1, -2])))
        print(list(pool.map(check, [1, -2])))
