data = [2, 4, 4, 4, 5, 5, 7, 9]

n = len(data)
mean = sum(data) / n
variance = sum((x - mean) ** 2 for x in data) / n
std = variance ** 0.5
ordered = sorted(data)
mid = n // 2
median = (ordered[mid - 1] + ordered[mid]) / 2 if n % 2 == 0 else ordered[mid]
mode = max(set(data), key=data.count)

print(f"n={n} mean={mean} variance={variance} std={std}")
print("median:", median, "mode:", mode)
print("range:", max(data) - min(data))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2))
print(divmod(17, 5), divmod(-17, 5), -17 // 5, -17 % 5)
print(7 / 2, 7 // 2, 2 ** -1, 10 ** 20, 0.1 + 0.2)
print(abs(-7.25), int(-3.9), float("1e3"), int("ff", 16))
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
print(pow(3, 4), pow(3, 4, 5), pow(2, -2))
print(1e16 + 1, 2 ** 0.5, 10 / 3)
