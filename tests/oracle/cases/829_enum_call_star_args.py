from enum import Enum
class C(Enum):
    A = 1
    B = 2
args = [2]
print(C(*args), list(map(C, [1, 2])))
