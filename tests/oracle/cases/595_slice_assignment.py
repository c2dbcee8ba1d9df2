# Editing a playlist in place with slice assignment and deletion.
import sys

playlist = ["intro", "verse", "chorus", "verse", "chorus", "bridge", "outro"]
print(len(playlist), sys.getsizeof(playlist))
playlist[1:3] = ["verse 1", "chorus 1", "pre-chorus"]
print(playlist, sys.getsizeof(playlist))
playlist[-2:] = []
print(playlist, sys.getsizeof(playlist))
playlist[0:0] = ("count-in",)
print(playlist, sys.getsizeof(playlist))
del playlist[2:4]
print(playlist, sys.getsizeof(playlist))

numbers = list(range(16))
numbers[::2] = [n * 100 for n in numbers[::2]]
print(numbers)
del numbers[1::3]
print(numbers, sys.getsizeof(numbers))
del numbers[::-2]
print(numbers, sys.getsizeof(numbers))
numbers[::-1] = numbers
print(numbers)

grid = [0] * 12
grid[3:9] = range(100, 160, 10)
print(grid, sys.getsizeof(grid))
grid[:] = "abc"
print(grid, sys.getsizeof(grid))
grid[len(grid):] = grid
print(grid, sys.getsizeof(grid))
grid[1:5] = (letter.upper() for letter in "xyzw")
print(grid, sys.getsizeof(grid))

marker = "keep me"
held = [marker] * 6
print(sys.getrefcount(marker))
del held[1:5]
print(sys.getrefcount(marker), held)
held[:] = []
print(sys.getrefcount(marker), sys.getsizeof(held))

try:
    grid[::2] = ["only one"]
except ValueError as e:
    print("ValueError:", e)
try:
    grid[0:2] = 42
except TypeError as e:
    print("TypeError:", e)
grid[::3] = None
