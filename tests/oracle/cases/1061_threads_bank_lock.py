# Bank transfers between accounts from several threads, each transfer under
# one lock per pair taken in a fixed order (no deadlock); totals are kept.
import threading


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(a, b, amount):
    first, second = sorted((a, b), key=lambda acc: acc.name)
    with first.lock:
        with second.lock:
            if a.balance >= amount:
                a.balance -= amount
                b.balance += amount
                return True
            return False


def clerk(accounts, plan, log):
    for src, dst, amount in plan:
        ok = transfer(accounts[src], accounts[dst], amount)
        log.append(ok)


accounts = {n: Account(n, 100) for n in "ABC"}
plans = [
    [("A", "B", 30), ("B", "C", 20)] * 5,
    [("C", "A", 10), ("A", "C", 5)] * 5,
    [("B", "A", 15)] * 5,
]
logs = [[] for _ in plans]
threads = [threading.Thread(target=clerk, args=(accounts, p, l)) for p, l in zip(plans, logs)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total:", sum(a.balance for a in accounts.values()))
print("transfers attempted:", sum(len(l) for l in logs))
print("locks free:", [a.lock.locked() for a in accounts.values()])
print("no negative balance:", all(a.balance >= 0 for a in accounts.values()))
