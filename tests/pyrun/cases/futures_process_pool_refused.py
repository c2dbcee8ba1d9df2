# Refused honestly: processes are the chapter 3 lab's (each its own heap and GIL).
from concurrent.futures import ProcessPoolExecutor
print("starting")
with ProcessPoolExecutor(max_workers=4) as pool:
    print(list(pool.map(abs, [-1, -2])))
