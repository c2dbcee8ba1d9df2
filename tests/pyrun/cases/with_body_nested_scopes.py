class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
    def names(self):
        return ["b", "a"]

with Resource() as r:
    print("inside")
    key = lambda s: s.upper()
    squares = [n * n for n in range(4)]
    def helper(x):
        return x + 1
    print(sorted(r.names(), key=key), squares, helper(1), {c: 1 for c in "ab"})
