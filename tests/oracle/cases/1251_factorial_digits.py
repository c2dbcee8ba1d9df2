# Big numbers: how many digits does n! have?  (str() has a limit since 3.11)
import math

for n in (10, 50, 100, 500):
    f = math.factorial(n)
    digits = str(f)
    print(f"{n:4}! has {len(digits):5} digits, starts {digits[:10]}, bits {f.bit_length()}")

big = math.factorial(2000)
try:
    print(len(str(big)))
except ValueError as err:
    print("ValueError:", err)

# the count without making the text: through logarithms
print(int(math.log10(big)) + 1 if big.bit_length() < 1024 else sum(math.log10(k) for k in range(1, 2001)) // 1 + 1)

limit = 10 ** 4300          # 4301 digits: one too many
for label, value in [("10**4299", limit // 10), ("-(10**4299)", -(limit // 10)), ("10**4300", limit)]:
    try:
        text = f"{value:,}"
        print(label, "ok,", len(text), "characters with commas")
    except ValueError as err:
        print(label, "->", str(err)[:50])

print(len(hex(big)), len(bin(big)), big % 10**6)

for text in ["7" * 4300, "7" * 4301, "1_" * 4300 + "1", "9" * 5000 + "?"]:
    try:
        print(int(text) % 97)
    except ValueError as err:
        print(str(err)[:95])
