try:
    pass
except* (A, B) as e:
    raise X from e
finally:
    del a, b[1:2, ::3]
