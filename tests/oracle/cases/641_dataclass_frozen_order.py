# Versions as frozen, ordered dataclasses: sorting, hashing, and what
# happens when code tries to change one.
from dataclasses import dataclass, replace, FrozenInstanceError


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


versions = [Version(1, 4), Version(0, 9, 3), Version(1, 4, 1), Version(1)]
print(sorted(versions))
print(max(versions), min(versions))
print(Version(1, 4) < Version(1, 4, 1), Version(2) >= Version(1, 9), Version(1) == Version(1, 0, 0))
v = Version(3, 1)
try:
    v.minor = 2
except FrozenInstanceError as e:
    print("frozen:", e)
try:
    del v.major
except FrozenInstanceError as e:
    print("frozen:", e)
print(isinstance(FrozenInstanceError("x"), AttributeError))
print(replace(v, patch=7), v)
try:
    replace(v, build=1)
except TypeError as e:
    print("TypeError:", e)
