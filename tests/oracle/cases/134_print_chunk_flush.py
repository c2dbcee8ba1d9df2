import sys
s = "k"
s = s + "ey"
print(s)
print(sys.getrefcount(s))
line = "-" * 99
n = 0
held = []
while n < 90:
    print(line)
    if n % 10 == 9:
        held.append(sys.getrefcount(s))
    n = n + 1
print(held)
w = "w"
w = w + "ide"
big = "z" * 9000
print(w)
print(sys.getrefcount(w))
print(big)
print(sys.getrefcount(w))
