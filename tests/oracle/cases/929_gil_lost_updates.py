# Data races on the GIL (3.11-3.13): `account.balance += amount` on an int
# attribute never loses an update, because the interpreter only hands the
# GIL over at an eval-breaker check (a backward jump, a call, a function's
# start) and there is none between the read and the write.  Read the
# balance, call something, then write it back, and a switch can land in
# between (how often depends on the OS); read, block (sleep(0) releases the
# GIL), then write, and updates are lost every time the others ran in
# between.  A lock makes the read-modify-write whole.
import sys
import threading
import time

sys.setswitchinterval(1e-6)  # hand the GIL over as often as possible
print(sys.getswitchinterval())


class Account:
    def __init__(self):
        self.balance = 0
        self.history = {"deposits": 0}

    def audit(self, amount):
        return amount >= 0


def run(target, account, n=4):
    start = threading.Barrier(n)  # all four begin together

    def worker():
        start.wait()
        target(account)

    threads = [threading.Thread(target=worker) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return account


def deposit_inline(account):
    for _ in range(20000):
        account.balance += 1
        account.history["deposits"] += 1


def deposit_with_check(account):
    for _ in range(20000):
        current = account.balance
        if account.audit(1):  # a call: the GIL may change hands here
            account.balance = current + 1


def deposit_with_io(account):
    for _ in range(500):
        current = account.balance
        time.sleep(0)  # a blocking call releases the GIL: another thread runs
        account.balance = current + 1


lock = threading.Lock()


def deposit_locked(account):
    for _ in range(20000):
        with lock:
            current = account.balance
            if account.audit(1):
                account.balance = current + 1


a = run(deposit_inline, Account())
print("inline:", a.balance, a.history)
b = run(deposit_with_check, Account())
print("check then write:", b.balance <= 80000)
b = run(deposit_with_io, Account())
print("read, sleep(0), write lost updates:", b.balance < 2000)
c = run(deposit_locked, Account())
print("locked:", c.balance)
