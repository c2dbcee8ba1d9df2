class Res:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise KeyError("exit")
with Res() as r:
    x = 1
