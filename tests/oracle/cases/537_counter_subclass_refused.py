# A subclass of Counter is refused: the model's Counter methods are
# built-ins bound to Counter's own class.
from collections import Counter

grades = Counter("ABBCA")
print(grades.most_common(2))


class Histogram(Counter):
    def bars(self):
        return [k + " " + "#" * n for k, n in sorted(self.items())]


h = Histogram("ABBCA")
print("\n".join(h.bars()))
