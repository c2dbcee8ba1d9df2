import sys

a = "hello"
b = "hello"
print(a is b)

c = "".join(["hel", "lo"])
print(c == a, c is a)
d = sys.intern(c)
print(d is a)

name1 = "user_id"
name2 = "user" + "_id"
print(name1 is name2)

s1 = "hello world!"
s2 = " ".join(["hello", "world!"])
print(s1 == s2, s1 is s2, sys.intern(s2) is sys.intern(s1))

keys = [sys.intern(f"key{i}") for i in range(3)]
print(keys[0] is sys.intern("key0"))
print(sys.getsizeof(a), sys.getsizeof(s1))
