class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def work():
    a = T("local a")
    b = T("local b")
    print("in work")
    return 5
print(work())
def keep():
    k = T("kept")
    return k
r = keep()
print("returned")
r = None
print("end")
