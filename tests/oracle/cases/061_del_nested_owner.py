class T:
    def __init__(self, name, child):
        self.name = name
        self.child = child
    def __del__(self):
        print("del", self.name)
root = T("root", T("mid", T("leaf", None)))
root = None
print("---")
x = T("x", None)
y = T("y", x)
x = None
print("x dropped")
y = None
print("end")
