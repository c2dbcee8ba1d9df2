# tracemalloc's peak after printing lists and tuples: the repr's writer
# buffer grows by a quarter, widens for accented and CJK text, and each
# item's repr (an int's with its scratch digits) lives while it is copied.
import tracemalloc

tracemalloc.start()
scores = [98, 87, 100, 42]
print(scores)
current, peak = tracemalloc.get_traced_memory()
print(f"after print: current={current} peak={peak}")

tracemalloc.reset_peak()
point = (3, -4)
print(point, (point,), [point, point])
print(tracemalloc.get_traced_memory())

tracemalloc.reset_peak()
names = ['Ana', 'Zoë', 'José', '李雷', 'Grace']
print(names)
print(tracemalloc.get_traced_memory())

tracemalloc.reset_peak()
grid = [[0] * 4 for _ in range(3)]
print(grid)
print(tracemalloc.get_traced_memory())

tracemalloc.reset_peak()
squares = [n * n for n in range(300)]
text = repr(squares)
print(len(text), tracemalloc.get_traced_memory())
del text

tracemalloc.reset_peak()
mixed = [None, True, False, 'it\'s', 2**62, [], (), [[]], ('solo',)]
print(mixed)
print(tracemalloc.get_traced_memory())

tracemalloc.reset_peak()
loop = [1, 2]
loop.append(loop)
print(loop)
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
