class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        if len({len(r) for r in self.rows}) > 1:
            raise ValueError("ragged matrix")
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0]) if self.rows else 0
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __setitem__(self, idx, value):
        i, j = idx
        self.rows[i][j] = value
    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"shapes {self.shape} and {other.shape} do not align")
        return Matrix([[sum(self[i, k] * other[k, j] for k in range(m)) for j in range(p)] for i in range(n)])
    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __mul__(self, k):
        return Matrix([[k * x for x in r] for r in self.rows])
    __rmul__ = __mul__
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
    def __str__(self):
        width = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join(" ".join(str(x).rjust(width) for x in r) for r in self.rows)
    def transpose(self):
        return Matrix(zip(*self.rows))
    def __iter__(self):
        return iter(self.rows)
    def __contains__(self, x):
        return any(x in r for r in self.rows)
m = Matrix([[1, 2], [3, 4]])
i2 = Matrix.identity(2)
print(m @ i2 == m, m + i2, 2 * m, m * 0.5, sep="\n")
print(m.transpose(), m.shape, 4 in m, 5 in m, list(m))
m[0, 0] = 10
print(repr(m), m[1, 1])
try:
    m @ Matrix([[1, 2, 3]])
except ValueError as e:
    print(e)
try:
    Matrix([[1], [1, 2]])
except ValueError as e:
    print(e)
print(Matrix([[1, 2, 3], [4, 5, 6]]) @ Matrix([[7, 8], [9, 10], [11, 12]]))
m @= i2
print(m)
