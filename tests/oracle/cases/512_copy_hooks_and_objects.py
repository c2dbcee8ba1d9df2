# Copying your own objects: the default copies the instance __dict__;
# __copy__ and __deepcopy__ take over when a class defines them.
import copy
import sys


class Account:
    def __init__(self, owner, history):
        self.owner = owner
        self.history = history


acct = Account("ana", [10, -5])
twin = copy.copy(acct)
print(type(twin).__name__, twin is acct, twin.history is acct.history)
print(sys.getsizeof(twin) == sys.getsizeof(acct))
print(Account.__slotnames__)
deep_twin = copy.deepcopy(acct)
print(deep_twin.history is acct.history, deep_twin.history == acct.history)
print(vars(deep_twin))
print(sys.getrefcount(acct.history))


class Empty:
    pass


e = copy.copy(Empty())
print(type(e).__name__, vars(e))


class Matrix:
    copies = 0

    def __init__(self, rows):
        self.rows = rows

    def __copy__(self):
        Matrix.copies += 1
        return Matrix(self.rows)

    def __deepcopy__(self, memo):
        Matrix.copies += 10
        print("memo has", len(memo), "entries")
        return Matrix(copy.deepcopy(self.rows, memo))


m = Matrix([[1, 2], [3, 4]])
m1 = copy.copy(m)
m2 = copy.deepcopy(m)
print(Matrix.copies, m1.rows is m.rows, m2.rows is m.rows, m2.rows[0] is m.rows[0])
pair = copy.deepcopy([m, m])
print(pair[0] is pair[1], Matrix.copies)
print(sys.getrefcount(m))
