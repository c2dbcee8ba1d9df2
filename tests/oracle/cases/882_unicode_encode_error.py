# Encoding text to ASCII, as every Unicode tutorial shows: the error's
# message and attributes, the handlers that avoid it, and what the
# exception keeps alive while it is held.
import gc
import sys


def to_ascii(text):
    try:
        return text.encode("ascii")
    except UnicodeEncodeError as err:
        print("failed:", err)
        print("  encoding:", err.encoding)
        print("  reason:", err.reason)
        print("  start/end:", err.start, err.end)
        print("  bad part:", repr(err.object[err.start:err.end]))
        return None


print(to_ascii("plain text"))
print(to_ascii("café"))
print(to_ascii("naïve résumé"))
print(to_ascii("€100 or ¥2000"))
print(to_ascii("emoji: \U0001f600!"))

word = "Straße"
for handler in ["ignore", "replace", "xmlcharrefreplace", "backslashreplace"]:
    print(handler, word.encode("ascii", errors=handler))
print("façade".encode("latin-1"), "€".encode("utf-8"))
try:
    "price: €5".encode("latin-1")
except UnicodeError as e:
    print(type(e).__name__, e)
    print(isinstance(e, ValueError), e.args)

# The exception holds the string twice: in .object and in .args
text = "".join(["d", "é", "j", "à"])
print("refcount before:", sys.getrefcount(text))
try:
    text.encode("ascii")
except UnicodeEncodeError as e:
    kept = e
print("refcount while the error is kept:", sys.getrefcount(text))
print("size of the error:", sys.getsizeof(kept), "tracked:", gc.is_tracked(kept))
print(repr(kept))
del kept
print("refcount after:", sys.getrefcount(text))

made = UnicodeEncodeError("ascii", "x\u00e9y", 1, 2, "ordinal not in range(128)")
print(made, made.args[2:4])
for bad in [("ascii",), ("ascii", b"x", 0, 1, "r"), ("ascii", "x", "0", 1, "r")]:
    try:
        UnicodeEncodeError(*bad)
    except TypeError as e:
        print("TypeError:", e)
