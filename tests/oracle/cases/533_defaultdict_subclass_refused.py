# A subclass of defaultdict is refused: the model keeps the factory where
# a subclass's instance keeps its __dict__.
from collections import defaultdict

tally = defaultdict(int)
tally["x"] += 1
print(tally)


class Tally(defaultdict):
    def top(self):
        return max(self, key=self.get)


t = Tally(int)
t["a"] += 2
t["b"] += 1
print(t.top())
