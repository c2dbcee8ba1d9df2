import sys
print(sys.getsizeof(""))
print(sys.getsizeof("a"), sys.getsizeof("ab"), sys.getsizeof("abcdefghij"))
print(sys.getsizeof("é"), sys.getsizeof("éé"), sys.getsizeof("aé"))
print(sys.getsizeof("€"), sys.getsizeof("€€"), sys.getsizeof("a€"))
print(sys.getsizeof("😀"), sys.getsizeof("😀😀"), sys.getsizeof("a😀"))
s = "x"
t = s * 100
print(len(t), sys.getsizeof(t))
u = "é" * 100
print(len(u), sys.getsizeof(u))
w = "€" * 100
print(len(w), sys.getsizeof(w))
z = "😀" * 100
print(len(z), sys.getsizeof(z))
print(sys.getsizeof(t + w), sys.getsizeof(t + z))
