# Frame objects of lambdas and comprehensions a traceback passes through
import sys
def probe(make, skip=1):
    try:
        make()
    except ZeroDivisionError as e:
        tb = e.__traceback__
        for i in range(skip):
            tb = tb.tb_next
        return sys.getsizeof(tb.tb_frame)
print(probe(lambda: 1 / 0))
print(probe(lambda x=3: (x, x + 1, x / 0)))
print(probe(lambda: [1 / 0 for x in range(3)]))
print(probe(lambda: sorted([3, 1], key=lambda v: v / 0), 2))
f = lambda a, b: a + b / 0
print(probe(lambda: f(1, 2), 2))
