# An uncaught ExceptionGroup of the errors a batch collected: each
# sub-exception keeps its own traceback, printed inside the group's frame.
def work(n):
    if n == 1:
        raise KeyError(n)
    raise ValueError(f"bad item {n}")


errors = []
for i in range(3):
    try:
        work(i)
    except Exception as e:
        errors.append(e)
raise ExceptionGroup("batch failed", errors)
