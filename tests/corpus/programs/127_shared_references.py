import sys

row = [0] * 3
board = [row] * 3
board[0][0] = "X"
print(board)
print(sys.getrefcount(row) - 1, "references to row")

board = [[0] * 3 for _ in range(3)]
board[1][1] = "O"
print(board)

a = [1, 2, 3]
b = a
c = a[:]
b.append(4)
print(a, b, c, a is b, a is c, a == c)

def add_item(lst, item):
    lst.append(item)
    lst = ["new"]
    return lst

original = ["keep"]
result = add_item(original, "added")
print(original, result)

t = ([1], [2])
t[0].append(10)
print(t)
try:
    t[0] += [20]
except TypeError as e:
    print("TypeError:", e)
print(t)
