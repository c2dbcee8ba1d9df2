class Log:
    def write(self, s):
        pass
print("a")
print("b", file=Log())
