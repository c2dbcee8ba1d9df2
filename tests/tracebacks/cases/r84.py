class Res:
    def __init__(self, fail):
        self.fail = fail
    def __enter__(self):
        return self
    def __exit__(self, *a):
        if self.fail:
            raise KeyError("exit")
        return False
def leave():
    for i in range(3):
        with Res(i == 1), \
             Res(False):
            if i == 1:
                break
leave()
