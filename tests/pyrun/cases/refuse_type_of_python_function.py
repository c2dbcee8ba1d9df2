# functools.reduce is a built-in in CPython too; functools.wraps is a Python
# function there, which the model runs as a built-in: its type is refused.
import functools, copy
print(type(functools.reduce).__name__)
print(type(functools.wraps))
