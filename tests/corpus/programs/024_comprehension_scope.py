x = "outer"
squares = [x * x for x in range(5)]
print(squares)
print(x)

total = 0
values = [total + n for n in range(3)]
print(values)

try:
    print(n)
except NameError as e:
    print("NameError:", e)

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

try:
    class Config:
        base = 10
        scaled = [base * k for k in (1, 2)]
except NameError as e:
    print("class body:", e)
