# Refused honestly: processes are the chapter 3 lab's (each its own heap and GIL).
import multiprocessing
