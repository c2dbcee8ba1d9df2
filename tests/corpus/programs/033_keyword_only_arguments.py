def connect(host, port=80, *, timeout=10, retries=3):
    return f"{host}:{port} timeout={timeout} retries={retries}"


print(connect("example.org"))
print(connect("example.org", 8080, timeout=1))
try:
    connect("example.org", 8080, 5)
except TypeError as e:
    print("TypeError:", e)


def divide(a, b, /, *, round_to=None):
    result = a / b
    return result if round_to is None else round(result, round_to)


print(divide(22, 7), divide(22, 7, round_to=2))
try:
    divide(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)

def required_kw(*, name):
    return name.title()

print(required_kw(name="ada lovelace"))
try:
    required_kw()
except TypeError as e:
    print("TypeError:", e)
print(connect.__kwdefaults__, connect.__defaults__)
