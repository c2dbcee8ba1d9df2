# An __exit__ that raises while the body's exception is handled: the new
# error's entry is the with statement's line.
class Transaction:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("begin", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            raise RuntimeError(f"rollback of {self.name} failed") from exc
        print("commit", self.name)


def transfer(amount):
    with Transaction("t1") as t:
        if amount > 100:
            raise ValueError("amount too large")
        print("moved", amount)


transfer(50)
transfer(500)
