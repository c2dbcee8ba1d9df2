# Refused honestly: of multiprocessing the model has Process and Pool; a
# Queue between processes is the chapter 3 lab's.
import multiprocessing
print(multiprocessing.cpu_count() > 0)
q = multiprocessing.Queue()
