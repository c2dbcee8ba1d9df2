matrix = [[1, 2, 3],
          [4, 5, 6],
          [7, 8, 9]]

transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)

flat = [x for row in matrix for x in row]
print(flat)

diagonal = [matrix[i][i] for i in range(len(matrix))]
print(diagonal, sum(diagonal))

identity = [[1 if r == c else 0 for c in range(4)] for r in range(4)]
for row in identity:
    print(*row)

product = [[sum(a * b for a, b in zip(row, col)) for col in zip(*matrix)] for row in matrix]
print(product)
print(list(zip(*matrix)))
