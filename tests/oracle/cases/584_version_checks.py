# Feature checks as scripts write them: compare sys.version_info with a
# tuple, read its fields, unpack it, print it; what kind of object it is.
import sys
import gc

if sys.version_info >= (3, 12):
    print("3.12 or newer: immortal objects")
elif sys.version_info >= (3, 11):
    print("3.11: no immortal objects yet")
else:
    print("too old")

if sys.version_info < (3, 13, 0, "final", 1):
    print("before 3.13.0 final serial 1")
print(sys.version_info[:2] == (3, 11), sys.version_info[:2] >= (3, 12), sys.version_info > (3,))
major, minor, micro, level, serial = sys.version_info
print("Python %d.%d.%d" % (major, minor, micro), level, serial)
print("Python {}.{}".format(*sys.version_info), f"{sys.version_info.major}.{sys.version_info.minor}")
print(sys.version_info)
print(repr(sys.version_info) == str(sys.version_info), len(sys.version_info), sys.version_info[-2])
print(sys.version_info.releaselevel, sys.version_info.serial, sys.version_info.count(3), sys.version_info.index(3))
print(list(sys.version_info), tuple(sys.version_info), tuple(sys.version_info) is sys.version_info)
print(isinstance(sys.version_info, tuple), type(sys.version_info).__name__, type(sys.version_info))
print(sys.getsizeof(sys.version_info), sys.getsizeof(tuple(sys.version_info)), gc.is_tracked(sys.version_info))
info = sys.version_info
print(sys.getrefcount(info), info is sys.version_info)
print(info.n_fields, info.n_sequence_fields, info.n_unnamed_fields)
print(sys.hexversion >> 24, (sys.hexversion >> 16) & 0xff, hex(sys.hexversion))
print(sys.version_info == (sys.hexversion >> 24, (sys.hexversion >> 16) & 0xff, (sys.hexversion >> 8) & 0xff, "final", 0))
try:
    info.major = 4
except AttributeError as e:
    print("AttributeError:", e)
try:
    type(info)()
except TypeError as e:
    print("TypeError:", e)
for part in sys.version_info:
    print(type(part).__name__, end=" ")
print()
print(max(sys.version_info[:3]), sorted(sys.version_info[:3]), sum(sys.version_info[:3]))
