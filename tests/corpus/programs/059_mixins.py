import json


class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"


class JsonMixin:
    def to_json(self):
        return json.dumps(vars(self), sort_keys=True)


class EqualityMixin:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)


class User(ReprMixin, JsonMixin, EqualityMixin):
    def __init__(self, name, email):
        self.name = name
        self.email = email


u = User("ann", "ann@example.com")
print(u)
print(u.to_json())
print(u == User("ann", "ann@example.com"), u == User("bob", "x"))
print(User.__hash__ is None)
print(isinstance(u, JsonMixin), [b.__name__ for b in User.__bases__])
