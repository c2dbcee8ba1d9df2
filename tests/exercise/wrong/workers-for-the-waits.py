import time
from concurrent.futures import ThreadPoolExecutor


def fetch(page):
    time.sleep(0.05)  # waiting on the network
    return len(page) * 100


pages = ["home", "about", "blog", "news", "docs", "faq", "shop", "contact"]
# eight workers, but each result awaited before the next page is submitted:
# the waits still run one after another
with ThreadPoolExecutor(max_workers=8) as pool:
    sizes = [pool.submit(fetch, page).result() for page in pages]
print(sizes)
