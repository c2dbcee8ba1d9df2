# A permissions system with enum.Flag, the way tutorials build one:
# combining flags with |, testing with `in` and &, removing with & ~.
import sys
from enum import Flag, auto


class Permission(Flag):
    READ = auto()
    WRITE = auto()
    EXECUTE = auto()
    DELETE = auto()
    ALL = READ | WRITE | EXECUTE | DELETE


print(list(Permission))
print(len(Permission), Permission.ALL, repr(Permission.ALL))
for p in Permission:
    print(p.name, p.value)

user = Permission.READ | Permission.WRITE
print(user, repr(user))
print("can read:", Permission.READ in user)
print("can delete:", Permission.DELETE in user)
print(bool(user & Permission.EXECUTE), user & Permission.WRITE)

admin = Permission.ALL
admin = admin & ~Permission.DELETE
print(admin, list(admin), len(admin))

nothing = Permission(0)
print(nothing, repr(nothing), bool(nothing), list(nothing), len(nothing))
if not nothing:
    print("no permissions")

print(Permission(3) is user, Permission["WRITE"], Permission(8))
print(user.name, user.value, type(user).__name__)
print(sys.getsizeof(Permission.READ) == sys.getsizeof(user))
toggled = user ^ Permission.EXECUTE
print(toggled, toggled ^ Permission.WRITE)
