def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
for v in [-3, 0, 7, 12]:
    print(v, classify(v))
i = 0
total = 0
while True:
    i = i + 1
    if i % 2 == 0:
        continue
    if i > 15:
        break
    total += i
print(i, total)
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if b > 1:
            break
        print(a, b)
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), list(range(0)))
n = 0
while n < 3:
    n += 1
print(n)
for ch in ["a", "b"]:
    print(ch)
