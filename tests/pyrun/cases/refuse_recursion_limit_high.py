# Deep recursion past the model's frame stack: refused, not a RecursionError
# CPython would not raise.
import sys
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
