from contextlib import ExitStack, contextmanager


@contextmanager
def resource(name, log):
    log.append(f"acquire {name}")
    yield name
    log.append(f"release {name}")


log = []
with ExitStack() as stack:
    names = [stack.enter_context(resource(n, log)) for n in ("a", "b", "c")]
    stack.callback(log.append, "callback ran")
    log.append(f"working with {names}")
for line in log:
    print(line)

with ExitStack() as stack:
    stack.callback(print, "first registered")
    stack.callback(print, "second registered")
    keep = stack.pop_all()
print("moved out")
keep.close()
