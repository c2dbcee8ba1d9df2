import copy


class Slotted:
    __slots__ = ("a",)


s = Slotted()
s.a = 1
copy.copy(s)
