pattern = "\d+"
print("ok")
x = "a\qb"
print(len(pattern), len(x))
b = b"\d"
x = """first
second \d line
third"""
y = f"val {x!r} \w"
z = "ok" "\s" "\p"
