from enum import Enum
class Num(int, Enum):
    ONE = 1
print(Num.ONE)
