# as_completed yields futures as they finish, not as they were submitted.
import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def fetch(name, seconds):
    time.sleep(seconds)
    return name, seconds


jobs = {"slow": 0.3, "fast": 0.1, "medium": 0.2}
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = {pool.submit(fetch, n, s): n for n, s in jobs.items()}
    for fut in as_completed(futures):
        name, seconds = fut.result()
        print(f"{name} finished after {seconds} s", futures[fut] == name)
    order = [f.result()[0] for f in as_completed([pool.submit(fetch, n, s) for n, s in jobs.items()])]
    print(order)
    for r in pool.map(fetch, ["a", "b"], [0.2, 0.1]):
        print("map keeps the order:", r)
