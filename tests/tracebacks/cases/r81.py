class Res:
    def __enter__(self):
        raise ValueError("cannot open")
    def __exit__(self, *a):
        return False
with Res() as r:
    pass
