# Big numbers under tracemalloc: adding or multiplying ints of more than one
# 30-bit digit makes a block with room for the longest result (x_add: a
# digit more; x_mul: both sizes), and long_normalize never shrinks it, so
# tracemalloc counts more than sys.getsizeof reports.
import sys
import tracemalloc

tracemalloc.start()
total = 0
for i in range(3000):
    total += i * i
print(total, sys.getsizeof(total), tracemalloc.get_traced_memory())

factorial = 1
for k in range(1, 30):
    factorial *= k
print(factorial, sys.getsizeof(factorial), tracemalloc.get_traced_memory())

fib = [0, 1]
for _ in range(90):
    fib.append(fib[-1] + fib[-2])
print(fib[-1], sys.getsizeof(fib[-1]), tracemalloc.get_traced_memory())

big = 10 ** 20
near = big - (10 ** 20 - 5)   # the highest digits cancel: a one-digit block
gone = big - big              # the cached zero
print(near, gone, tracemalloc.get_traced_memory())
square = (2 ** 62) * (2 ** 62)
print(square, sys.getsizeof(square), tracemalloc.get_traced_memory())
print(sum(i * i for i in range(3000)), tracemalloc.get_traced_memory())
