# frame.f_locals: on 3.11 and 3.12 the frame's one dict, the same locals()
# returns, refreshed on each read; 3.13 (PEP 667) gives a write-through
# FrameLocalsProxy instead.
import sys


def show():
    a = 1
    frame = sys._getframe()
    print(sorted(frame.f_locals))
    b = 2
    first = frame.f_locals
    print(sorted(first), first is locals(), first["b"])
    return frame


def outer():
    secret = "x"
    return inner()


def inner():
    return sorted(sys._getframe(1).f_locals)


print(outer())
show()
