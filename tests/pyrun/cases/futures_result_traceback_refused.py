# Refused honestly: an uncaught exception re-raised by Future.result() (CPython's
# traceback shows concurrent/futures' frames and the worker's).
from concurrent.futures import ThreadPoolExecutor
def parse(text):
    return int(text)
with ThreadPoolExecutor(max_workers=2) as pool:
    print(pool.submit(parse, "12").result())
    pool.submit(parse, "x").result()
