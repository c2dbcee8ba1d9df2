class Merged(dict):
    def __or__(self, other):
        return Merged(dict(self, **other))


print(Merged(a=1) | {"b": 2})
