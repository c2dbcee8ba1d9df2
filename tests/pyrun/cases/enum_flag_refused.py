from enum import Flag, auto
class Perm(Flag):
    R = auto()
    W = auto()
print(Perm.R | Perm.W)
print(Perm(8))
