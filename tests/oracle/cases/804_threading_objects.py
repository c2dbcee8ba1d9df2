# What a Thread object holds: its attributes before and after it ran, the
# references to its target, the main thread.
import sys
import threading


def task(a, b, scale=1):
    out.append((a + b) * scale)


out = []
before = sys.getrefcount(task)
t = threading.Thread(target=task, args=(1, 2), kwargs={"scale": 3})
print(sys.getrefcount(task) - before)
print(list(vars(t)))
print(len(vars(t)), sys.getsizeof(vars(t)))
print(t.name, t.ident, t.daemon)
t.start()
t.join()
print(out)
print(sys.getrefcount(task) - before)
print(sorted(vars(t)))
print(sys.getrefcount(t))
main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon)
print(threading.get_ident() == main.ident, isinstance(t.ident, int))
print(type(main).__name__, isinstance(main, threading.Thread))
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
