import sys

print(len("abc"))
print(type(__builtins__))
