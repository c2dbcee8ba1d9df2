from string import Template
import sys

letter = Template("""Dear $name,

Your order #$order_id of ${qty}x $item ships on $date.
Total: $$${total}
""")
orders = [
    {"name": "Ada", "order_id": 17, "qty": 2, "item": "lamp", "date": "Mon", "total": 39.5},
    {"name": "Linus", "order_id": 18, "qty": 1, "item": "desk", "date": "Tue", "total": 120},
]
for o in orders:
    print(letter.substitute(o))
print(letter.get_identifiers())
partial = letter.safe_substitute(name="Grace", qty=3)
print(partial)
print(sys.getrefcount(partial), len(partial))
try:
    letter.substitute(name="x")
except KeyError as err:
    print("missing", err)
bad = Template("cost: $5 or ${}")
print(bad.is_valid(), bad.safe_substitute())
try:
    bad.substitute()
except ValueError as err:
    print(err)
t = Template("$a and $a and ${a}")
print(t.get_identifiers(), t.substitute(a=[1, 2]))
print(Template("naïve $x é $").safe_substitute(x="ok"))
try:
    Template("naïve\r\n é $ z").substitute()
except ValueError as err:
    print(err)
print(Template("$ab_1c$d").substitute(ab_1c="A", d="D"), Template("$A").substitute(A=1))
try:
    Template("x").substitute({}, {})
except TypeError as err:
    print(err)
