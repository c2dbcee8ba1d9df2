import sys


def level3():
    big = list(range(1000))
    raise RuntimeError("deep failure")


def level2():
    level3()


def level1():
    level2()


try:
    level1()
except RuntimeError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    frame_locals = e.__traceback__.tb_next.tb_next.tb_next.tb_frame.f_locals
    print(len(frame_locals["big"]))
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
