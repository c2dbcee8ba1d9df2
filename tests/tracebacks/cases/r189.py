readings = ["12", "15", "n/a", "9"]
total = 0
for value in map(int, readings):
    total += value
print(total)
