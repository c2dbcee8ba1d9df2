class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = T("a")
b = T("b")
keep = [T("in list")]
print("end of program")
