def make():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return fs
for g in make():
    print(g())
def make2():
    fs = []
    for i in range(3):
        def f(j):
            def h():
                return j
            return h
        fs.append(f(i))
    return fs
for g in make2():
    print(g())
