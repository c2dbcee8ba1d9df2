# threading.excepthook: a worker that fails does not stop the program; a
# hook set by the program collects the failures (the pattern of a job
# runner), sys.exit() inside a thread ends only that thread, silently, and
# the hook runs in the failing thread before join() returns.
import sys
import threading

failures = []


def collect(args):
    failures.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))
    print("hook in", threading.current_thread().name, "alive:", args.thread.is_alive(),
          "target kept:", hasattr(args.thread, "_target"))
    print(len(args), args[0] is args.exc_type, args[1] is args.exc_value, args[3] is args.thread)


print(threading.excepthook is threading.__excepthook__, type(threading.ExceptHookArgs))
print(threading.ExceptHookArgs)
threading.excepthook = collect
print(threading.excepthook is threading.__excepthook__)


def parse(text):
    value = int(text)
    print("parsed", value)
    return value


def divide(a, b):
    return a / b


jobs = [
    threading.Thread(target=parse, args=("42",), name="parse-ok"),
    threading.Thread(target=parse, args=("forty-two",), name="parse-bad"),
    threading.Thread(target=divide, args=(1, 0), name="divide"),
    threading.Thread(target=divide, kwargs={"a": 3, "b": 4}, name="divide-ok"),
]
for job in jobs:
    job.start()
    job.join()
    print(job.name, "finished, alive:", job.is_alive())
for f in failures:
    print(f)


class Stop(Exception):
    pass


def stopper():
    raise Stop("requested", 7)


t = threading.Thread(target=stopper)
t.start()
t.join()
print(failures[-1])
exc_seen = []
threading.excepthook = lambda args: exc_seen.append(args.exc_value.args)
t = threading.Thread(target=stopper)
t.start()
t.join()
print(exc_seen)


# sys.exit() in a thread: the default hook ignores SystemExit
def quitter(code):
    print("quitting with", code)
    sys.exit(code)


threading.excepthook = threading.__excepthook__
t = threading.Thread(target=quitter, args=(3,))
t.start()
t.join()
print("still running; exit code unchanged; threads:", threading.active_count())
