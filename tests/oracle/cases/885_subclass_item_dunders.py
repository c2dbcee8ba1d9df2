# The dict and list subclasses the books build by overriding the item
# methods: a case-insensitive dict, a dict with a default, a list that logs
# its reads.  The built-in's other methods (get, iteration, len) keep
# running the built-in's own code, as in CPython.
import sys


class CaseInsensitiveDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())

    def __delitem__(self, key):
        super().__delitem__(key.lower())


headers = CaseInsensitiveDict()
headers["Content-Type"] = "text/html"
headers["ACCEPT"] = "*/*"
print(headers["content-type"], headers["Accept"])
print("CONTENT-TYPE" in headers, "Host" in headers)
print(headers, len(headers), list(headers))
print(headers.get("Accept"), headers.get("accept"))
del headers["Accept"]
print(headers, sys.getsizeof(headers))
print("%(content-type)s" % headers, "{0[CONTENT-TYPE]}".format(headers))


class Defaults(dict):
    def __getitem__(self, key):
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            return "?"


prefs = Defaults(theme="dark")
print(prefs["theme"], prefs["font"], prefs, "font" in prefs)


class LoggedList(list):
    def __getitem__(self, index):
        print("  read", index)
        return list.__getitem__(self, index)

    def __setitem__(self, index, value):
        print("  write", index, value)
        list.__setitem__(self, index, value)


items = LoggedList([10, 20, 30])
print(items[0], items[-1])
print(items[1:])
items[1] = 25
print(items, sum(items), sorted(items, reverse=True), [x * 2 for x in items])
a, b, c = items
print(a, b, c, 25 in items, len(items))
print("refcount:", sys.getrefcount(items), "size:", sys.getsizeof(items))
