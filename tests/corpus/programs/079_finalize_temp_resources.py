import weakref


class TempFile:
    counter = 0

    def __init__(self):
        TempFile.counter += 1
        self.name = f"tmp{TempFile.counter}"
        self._finalizer = weakref.finalize(self, self._remove, self.name)

    @staticmethod
    def _remove(name):
        print("removing", name)

    def remove(self):
        self._finalizer()

    @property
    def removed(self):
        return not self._finalizer.alive


t1 = TempFile()
t2 = TempFile()
t1.remove()
print(t1.removed, t2.removed)
t1.remove()
del t1
del t2
print("both gone")
f = weakref.finalize(TempFile, print, "at exit")
print(f.atexit, f.alive)
f.detach()
print(f.alive)
t3 = TempFile()
print("end of program")
