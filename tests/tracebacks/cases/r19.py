x = None
x()
