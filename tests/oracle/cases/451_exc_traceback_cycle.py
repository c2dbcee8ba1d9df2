# The cycle an `except ... as e` would make without its implicit del:
# a function keeps the exception in a local, so exception -> traceback ->
# frame -> local -> exception.
import gc


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        problem = e
    return problem


gc.collect()
result = parse("twelve")
print(type(result).__name__, result)
del result
print("unreachable:", gc.collect())

for word in ["1", "two", "3", "four"]:
    value = parse(word)
    print(word, "->", type(value).__name__)
del value
print("unreachable after the loop:", gc.collect())
