# Reading bytes that are not all UTF-8: the errors= handlers a tutorial on
# text and bytes walks through, and the UnicodeDecodeError strict gives.
import sys

raw = b"Caf\xe9 au lait \xe2\x82\xac3 \xff\xfe end"
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError as err:
    print("error:", err)
    print(err.encoding, err.start, err.end, repr(err.reason))
    print(err.object == raw, err.object is raw, raw[err.start:err.end])
    print(type(err).__mro__[1].__name__, isinstance(err, ValueError))
    print(len(err.args), sys.getrefcount(err), sys.getsizeof(err))

for handler in ("ignore", "replace", "backslashreplace"):
    text = raw.decode("utf-8", errors=handler)
    print(f"{handler:>16}: {text!r} len={len(text)} size={sys.getsizeof(text)}")

print(raw.decode("latin-1"))
print(b"plain ascii".decode("ascii"), sys.getsizeof(b"plain ascii".decode("ascii")))
for sample in (b"\x80abc", b"ab\xc3", b"\xe2\x82", b"\xf0\x9f\x98\x80!", b"\xf0\x9f\x98", b"\xc0\xaf", b"\xed\xa0\x80"):
    try:
        print(sample.decode())
    except UnicodeDecodeError as e:
        print(f"{sample!r}: {e.reason} at {e.start}..{e.end}:", e)
    print("  replace:", sample.decode("utf-8", "replace"), "ignore:", repr(sample.decode("utf-8", "ignore")))

try:
    "naïve".encode("utf-8").decode("ascii")
except UnicodeDecodeError as e:
    print(e)
    print(e.object.decode("utf-8", "backslashreplace"))
print(b"a\x80\x81b".decode("ascii", "replace"), b"a\x80\x81b".decode("ascii", "ignore"))


def safe_decode(data, encoding="utf-8"):
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        print("fallback after", exc.reason)
        return data.decode(encoding, "replace")


print(safe_decode(b"ok \xffnow"))
err = UnicodeDecodeError("utf-8", b"\x00\x01", 1, 2, "made up")
print(err, err.args, err.start)
print(UnicodeDecodeError("ascii", b"abcd", 0, 3, "three"))
