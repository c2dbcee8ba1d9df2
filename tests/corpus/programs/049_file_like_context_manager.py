class Resource:
    open_count = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Resource.open_count += 1
        print(f"open {self.name} (open: {Resource.open_count})")
        return self

    def __exit__(self, exc_type, exc, tb):
        Resource.open_count -= 1
        print(f"close {self.name}", "with " + exc_type.__name__ if exc_type else "cleanly")
        return exc_type is KeyError


with Resource("db") as db:
    print("using", db.name)

with Resource("cache"):
    {}["nope"]
print("KeyError was suppressed")

try:
    with Resource("net"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated:", e)
print(Resource.open_count)
