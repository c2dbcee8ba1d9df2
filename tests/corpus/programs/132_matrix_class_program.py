class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0])

    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"

    def __add__(self, other):
        out = []
        for i in range(self.n):
            out.append([self.rows[i][j] + other.rows[i][j] for j in range(self.m)])
        return Matrix(out)

    def __mul__(self, other):
        out = []
        for i in range(self.n):
            row = []
            for j in range(other.m):
                total = 0
                for k in range(self.m):
                    total += self.rows[i][k] * other.rows[k][j]
                row.append(total)
            out.append(row)
        return Matrix(out)

    def transpose(self):
        return Matrix([[self.rows[i][j] for i in range(self.n)] for j in range(self.m)])

    def __eq__(self, other):
        return self.rows == other.rows


a = Matrix([[1, 2], [3, 4]])
i2 = Matrix([[1, 0], [0, 1]])
print(a + a, a * i2 == a)
print(a * a, a.transpose())
print(Matrix([[1, 2, 3]]) * Matrix([[1], [2], [3]]))
