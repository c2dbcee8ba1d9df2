import sys
print(sys.getsizeof(b""), sys.getsizeof(b"a"), sys.getsizeof(b"abc"))
print(sys.getsizeof(bytes(0)), sys.getsizeof(bytes(10)), sys.getsizeof(bytes(479)), sys.getsizeof(bytes(480)))
print(sys.getsizeof(bytearray()), sys.getsizeof(bytearray(0)), sys.getsizeof(bytearray(1)))
print(sys.getsizeof(bytearray(10)), sys.getsizeof(bytearray(100)), sys.getsizeof(bytearray(b"abc")))
print(len(bytes(7)), len(bytearray(9)))
print(bytes(3))
print(bytearray(2))
print(b"hi" + b"!")
