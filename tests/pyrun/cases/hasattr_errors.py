# hasattr answers False only for AttributeError; other errors propagate.
print(hasattr("s", "upper"), hasattr(1, "nope"), hasattr([], "append"))
try:
    hasattr(1, 1)
except TypeError as e:
    print("TypeError:", e)
print(getattr(1, "nope", "default"))
