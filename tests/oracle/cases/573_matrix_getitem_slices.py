# A matrix class whose __getitem__ takes ints, slices and (row, col) pairs.
import sys
import gc


class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]

    def __getitem__(self, key):
        if isinstance(key, tuple):
            r, c = key
            if isinstance(r, slice):
                return [row[c] for row in self.rows[r]]
            return self.rows[r][c]
        if isinstance(key, slice):
            print("  slice:", key, key.indices(len(self.rows)), sys.getsizeof(key), gc.is_tracked(key))
            return Matrix(self.rows[key])
        return self.rows[key]

    def __setitem__(self, key, value):
        r, c = key
        self.rows[r][c] = value

    def __len__(self):
        return len(self.rows)

    def __repr__(self):
        return f"Matrix({self.rows})"


m = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(m[1], m[1, 2], m[0:2])
print(m[::2], m[::-1])
print(m[:, 0], m[1:, 1])
m[0, 0] = 10
print(m[0], len(m[1:]))

s = slice(1, None)
print(s, s.start, s.stop, s.step, type(s).__name__)
print(m[s], [10, 20, 30, 40][s], "python"[s])
print(s.indices(10), slice(None, None, -1).indices(4), slice(-100, 100, 3).indices(7))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(0, 1) < slice(0, 2))
gc.collect()
before = gc.get_count()
for i in range(3):
    part = m.rows[0][i:]
after = gc.get_count()
print(before, after)
try:
    slice()
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2, 3][slice(0, 3, 0)]
except ValueError as e:
    print("ValueError:", e)
try:
    {slice(1, 2): "x"}
except TypeError as e:
    print("TypeError:", e)
