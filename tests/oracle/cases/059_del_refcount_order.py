class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = T("a")
b = T("b")
c = T("c")
print("start")
b = None
print("after b")
a = c
print("after a = c")
del c
print("after del c")
a = 1
print("end")
