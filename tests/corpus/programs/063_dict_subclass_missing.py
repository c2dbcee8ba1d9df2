class DefaultDict(dict):
    def __init__(self, factory, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factory = factory

    def __missing__(self, key):
        value = self[key] = self.factory()
        return value


groups = DefaultDict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups)
print(len(groups), isinstance(groups, dict), type(groups).__name__)


class CaseInsensitiveDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


headers = CaseInsensitiveDict()
headers["Content-Type"] = "text/html"
print(headers["CONTENT-TYPE"], headers)
print(headers.get("content-type"), dict(headers))
