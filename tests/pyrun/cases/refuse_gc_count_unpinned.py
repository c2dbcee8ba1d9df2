# A learner asks how many objects the young generation holds before doing
# anything: CPython's answer includes what its compiler left behind.
import gc

print("threshold:", gc.get_threshold())
print("young count:", gc.get_count()[0])
print("not reached")
