# except* handles the ValueErrors; the rest of the group is raised again
# with the original traceback; a nested group, and a context inside it.
def check(n):
    if n == 2:
        raise KeyError(n)
    raise ValueError(f"bad {n}")


def run():
    errs = []
    for i in range(3):
        try:
            check(i)
        except Exception as e:
            errs.append(e)
    try:
        {}["missing"]
    except KeyError:
        inner = ExceptionGroup("inner", errs[1:])
    try:
        raise inner
    except ExceptionGroup as g:
        raise ExceptionGroup("outer", [errs[0], g]) from None


try:
    run()
except* ValueError:
    print("handled the values")
