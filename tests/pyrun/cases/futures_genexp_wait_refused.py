# Refused honestly: a generator expression that waits for a future while sum()
# runs it from C (the model switches threads only in the outermost loop; a list
# comprehension or a for loop over as_completed() is modelled).
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
def work(x):
    time.sleep(0.1)
    return x
with ThreadPoolExecutor(max_workers=2) as pool:
    fs = [pool.submit(work, i) for i in range(4)]
    print(sum(f.result() for f in as_completed(fs)))
