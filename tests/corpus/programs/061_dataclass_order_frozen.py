from dataclasses import dataclass, replace, FrozenInstanceError


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"


versions = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(versions))
print(max(versions), min(versions))
v = versions[0]
try:
    v.major = 2
except FrozenInstanceError as e:
    print("frozen:", e)
print(replace(v, patch=9))
print(len({Version(1), Version(1, 0, 0), Version(2)}))
print(Version(1) < Version(1, 0, 1))
