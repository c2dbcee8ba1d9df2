# str.format_map fills a template from a mapping: a dict as it is (no
# copy into keyword arguments), a dict subclass whose __missing__ keeps
# unknown fields visible, attribute and item lookups inside fields, and
# its errors.  Then sys.byteorder and sys.platform, as scripts check them.
import sys

point = {"x": 4, "y": -2}
print("({x}, {y})".format_map(point))
print(sys.getrefcount(point))


class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print("{name} is {age} years old".format_map(Default(name="Ada")))
template = "{greeting}, {user.title}! You have {counts[new]} new messages."


class User:
    title = "Dr. Who"


print(template.format_map({"greeting": "Hello", "user": User(), "counts": {"new": 3}}))
for bad in ["{0}", "{}", "{missing}", "{x:>{width}}"]:
    try:
        print(repr(bad.format_map(point)))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print("{x:>{y}}|".format_map({"x": "ab", "y": 5}), "plain".format_map({}), "{x}".format_map({"x": "same"}))
s = "{a}{b}".format_map({"a": "x" * 10, "b": "y"})
print(s, sys.getsizeof(s), len(s))
row = "{name:<10}|{score:>5.1f}"
for rec in [{"name": "alice", "score": 93.25}, {"name": "bob", "score": 7}]:
    print(row.format_map(rec))
try:
    "{a}".format_map()
except TypeError as e:
    print(e)
try:
    "{a}".format_map([1])
except TypeError as e:
    print(e)

order = sys.byteorder
print(order, sys.platform, sys.getrefcount(order), sys.getsizeof(sys.platform))
print(sys.platform.startswith("linux"), (258).to_bytes(2, sys.byteorder))
if sys.byteorder == "little":
    print("little-endian machine")
