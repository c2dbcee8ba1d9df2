# I/O-bound work overlaps on a thread pool (each sleep releases the GIL):
# four waits of 0.2 s take about 0.2 s on four workers, 0.8 s on one.
import time
from concurrent.futures import ThreadPoolExecutor


def download(page):
    time.sleep(0.2)          # stands for the network
    return f"page {page}: {len(str(page)) * 100} bytes"


for workers in (1, 4):
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pages = list(pool.map(download, range(4)))
    elapsed = time.perf_counter() - start
    print(workers, pages[0], len(pages), round(elapsed, 1))
