inventory = [
    ("Widget", 4, 3.5),
    ("Gadget", 12, 12.25),
    ("Doohickey", 1, 99.0),
    ("Thingamajig", 250, 0.1),
]

header = f"{'Item':<12}{'Qty':>5}{'Price':>9}{'Total':>10}"
print(header)
print("-" * len(header))
grand = 0
for item, qty, price in inventory:
    total = qty * price
    grand += total
    print(f"{item:<12}{qty:>5}{price:>9.2f}{total:>10.2f}")
print("-" * len(header))
print(f"{'TOTAL':<26}{grand:>10.2f}")
print("{:=^36}".format(" end "))
