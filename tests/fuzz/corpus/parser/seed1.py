x = [i for i in y if i]
f"{x!r:>{w}}"
