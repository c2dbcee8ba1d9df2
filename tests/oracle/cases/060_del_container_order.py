class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
lst = [T(1), T(2), T(3)]
lst = None
print("list done")
d = {"x": T("x"), "y": T("y"), "z": T("z")}
d.clear()
print("dict done")
t = (T("t1"), T("t2"))
t = None
print("tuple done")
lst2 = [T(4), T(5), T(6)]
lst2.pop()
print("popped")
lst2.pop(0)
print("popped 0")
del lst2[0]
print("end")
