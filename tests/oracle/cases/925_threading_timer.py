# threading.Timer: a delayed greeting on its own thread, its attributes (a
# Thread subclass: Thread's __dict__ then interval, function, args, kwargs,
# finished), a reminder cancelled before it fires, a timeout watchdog that a
# finished job cancels, and what a timer keeps alive.
import sys
import threading
import time


def hello(who, punct="!"):
    print("hello", who + punct, "from", threading.current_thread().name)


t = threading.Timer(0.05, hello, args=("world",), kwargs={"punct": "?"})
print(type(t).__mro__)
print(list(vars(t)))
print(t.interval, t.function is hello, t.args, t.kwargs, t.finished.is_set())
print(sys.getsizeof(t), sys.getrefcount(hello))
print(t, t.daemon, t.is_alive())
start = time.monotonic()
t.start()
t.join()
print("waited about 0.05 s:", 0.04 < time.monotonic() - start < 0.5)
print(t.finished.is_set(), t.is_alive(), list(vars(t)) == list(vars(threading.Timer(1, print))))
print(sys.getrefcount(hello))

reminder = threading.Timer(10, hello, ["nobody"])
reminder.start()
reminder.cancel()
reminder.join()
print("cancelled:", reminder.finished.is_set(), reminder.is_alive())

print(threading.Timer(1, print).args, threading.Timer(1, print).kwargs)


# a watchdog: the job finishes first and cancels it
events = []


def watchdog():
    events.append("timed out")


def job(n):
    total = 0
    for i in range(n):
        total += i
    events.append("job done")
    return total


dog = threading.Timer(1.0, watchdog)
dog.start()
job(1000)
dog.cancel()
dog.join()
print(events)

# a watchdog that fires: the slow job sleeps past it
slow = threading.Timer(0.02, watchdog)
slow.start()
time.sleep(0.1)
slow.join()
print(events)

# zero delay still runs on the timer's thread, and kwargs only
threading.Timer(0, hello, kwargs={"who": "zero", "punct": "."}).start()
time.sleep(0.01)
print(threading.active_count())
