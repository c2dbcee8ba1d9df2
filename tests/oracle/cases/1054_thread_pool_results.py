# A ThreadPoolExecutor fetching "pages": map() keeps the input order,
# submit() + as_completed() is sorted afterwards; an exception in one task
# comes back through its future.
from concurrent.futures import ThreadPoolExecutor, as_completed
import time

PAGES = {"/": 1200, "/about": 800, "/blog": 3000, "/missing": None, "/contact": 450}


def fetch(path):
    time.sleep(0.1)
    size = PAGES[path]
    if size is None:
        raise LookupError(f"404 {path}")
    return path, size


def main():
    ok_paths = [p for p in PAGES if PAGES[p] is not None]
    with ThreadPoolExecutor(max_workers=3) as pool:
        for path, size in pool.map(fetch, ok_paths):
            print(f"map: {path:9} {size:5}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {pool.submit(fetch, p): p for p in PAGES}
        done = []
        for fut in as_completed(futures):
            path = futures[fut]
            try:
                done.append(fut.result())
            except LookupError as e:
                done.append((path, f"error: {e}"))
    for path, what in sorted(done):
        print(f"submit: {path:9} {what}")
    print("total bytes:", sum(s for _, s in done if isinstance(s, int)))


main()
