print("{} + {} = {}".format(2, 3, 5))
print("{0} {1} {0}".format("spam", "eggs"))
print("{name} is {age} years old".format(name="Ada", age=36))
print("{!r} vs {!s}".format("text", "text"))
print("{:>8}|{:<8}|{:^8}|".format("a", "b", "c"))
print("{:.2f} {:+.1e}".format(3.14159, 12345.678))
point = {"x": 3, "y": 4}
print("({x}, {y})".format(**point))
coords = [10, 20]
print("x={0[0]} y={0[1]}".format(coords))

class P:
    def __init__(self):
        self.label = "pt"

print("label: {0.label}".format(P()))
print("{{literal braces}} {}".format("ok"))
template = "{:{fill}{align}{width}}"
print(template.format("hi", fill="-", align="^", width=9))
print(format(255, "x"), "{:,}".format(10**9))
