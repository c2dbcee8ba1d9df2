def cleanup():
    raise OSError("cleanup failed")


try:
    try:
        raise ValueError("original problem")
    except ValueError:
        cleanup()
except OSError as e:
    print("caught:", repr(e))
    print("context:", repr(e.__context__))
    print("cause:", e.__cause__)

try:
    raise KeyError("k") from ValueError("v")
except KeyError as e:
    print(repr(e.__cause__), repr(e.__context__))

def reraise():
    try:
        int("x")
    except ValueError:
        raise

try:
    reraise()
except ValueError as e:
    print("re-raised:", e)
