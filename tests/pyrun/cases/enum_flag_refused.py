from enum import Flag, auto
class Perm(Flag):
    R = auto()
