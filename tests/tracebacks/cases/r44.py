import sys
sys.getsizeof()
