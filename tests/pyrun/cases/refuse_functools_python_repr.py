import functools

print(functools.reduce)
print(functools.wraps)
