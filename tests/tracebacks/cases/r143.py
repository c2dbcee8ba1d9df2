# A Thread subclass whose run() fails with a chained exception, then a
# Timer whose function fails: the default hook prints each, the first with
# only _bootstrap_inner's entry, the second with Timer.run's too.  Then a
# hook of the program's that logs and hands over to the default one.
import threading


class Loader(threading.Thread):
    def __init__(self, text):
        super().__init__(name="loader")
        self.text = text

    def run(self):
        try:
            self.value = int(self.text)
        except ValueError as e:
            raise RuntimeError(f"cannot load {self.text!r}") from e


def alarm():
    raise TimeoutError("took too long")


t = Loader("4x2")
t.start()
t.join()
timer = threading.Timer(0.01, alarm)
timer.start()
timer.join()
print(t.is_alive(), timer.is_alive())

failures = []


def log_and_print(args):
    failures.append((args.thread.name, args.exc_type.__name__))
    threading.__excepthook__(args)


threading.excepthook = log_and_print
w = threading.Thread(target=alarm, name="watchdog")
w.start()
w.join()
print(failures)
