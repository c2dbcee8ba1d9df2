class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        assert len(self.rows[0]) == len(other.rows), "shape mismatch"
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __repr__(self):
        return f"Matrix({self.rows})"


a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a @ b)
print(b @ b @ a)
c = Matrix([[1, 2, 3]])
print(c @ Matrix([[1], [1], [1]]))
print(a @ c)
