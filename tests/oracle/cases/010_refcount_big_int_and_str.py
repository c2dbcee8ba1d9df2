import sys
base = 1000
big = base * 1000
print(sys.getrefcount(big))
same = big
print(sys.getrefcount(big))
s = "abc"
t = s + "def"
print(sys.getrefcount(t))
lst = [t, big]
print(sys.getrefcount(t), sys.getrefcount(big))
x = 2.5
y = x * 2
print(sys.getrefcount(y))
