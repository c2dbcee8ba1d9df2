class A:
    def m(self):
        return self.missing
A().m()
