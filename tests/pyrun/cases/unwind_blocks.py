# return, break and continue leave try/finally and except blocks as CPython's compiler unwinds them:
# finally bodies run inline, a handler's exception and its 'as' name are dropped (refcounts show it).
def f():
    try:
        return 1
    finally:
        print("finally ran")
print(f())
def parse_int(s):
    try:
        try:
            return int(s)
        except ValueError:
            print("bad", s)
            return None
    finally:
        print("cleanup", s)
for s in ["1", "x", "y"]:
    print(parse_int(s))
def loop():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(-i)
    return out
print(loop())
def nested():
    try:
        try:
            return "inner"
        finally:
            print("f1")
    finally:
        print("f2")
print(nested())
def override():
    try:
        raise KeyError("k")
    finally:
        return "swallowed"
print(override())
def exc_in_handler():
    try:
        raise ValueError("a")
    except ValueError as e:
        try:
            return str(e)
        finally:
            print("inner finally")
print(exc_in_handler())
import sys
class C: pass
def held():
    c = C()
    try:
        raise ValueError(c)
    except ValueError as e:
        return sys.getrefcount(c)
print(held())
c2 = C()
def after():
    try:
        raise ValueError(c2)
    except ValueError:
        return 1
after()
print(sys.getrefcount(c2))
def f(x):
    try:
        return int(x)
    except ValueError as e:
        print("bad", x)
        return -1
for v in ["1", "z", "3"]:
    print(f(v))
def g():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError:
            if i == 1:
                continue
            print("caught", i)
    return "done"
print(g())
def h():
    while True:
        try:
            1/0
        except ZeroDivisionError:
            break
    return "out"
print(h())
try:
    raise ValueError("x")
except ValueError:
    pass
print("end")
