def check():
    error = "placeholder"
    try:
        1 / 0
    except ZeroDivisionError as error:
        print("caught:", error)
    try:
        print(error)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


check()

saved = None
try:
    {}["missing"]
except KeyError as e:
    saved = e
print(repr(saved), saved.args)
try:
    e
except NameError as err:
    print("NameError:", err)
