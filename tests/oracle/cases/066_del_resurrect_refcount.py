keep = []
class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
        keep.append(self)
r = R(1)
r = None
print(len(keep))
keep.clear()
print("cleared")
print(len(keep))
