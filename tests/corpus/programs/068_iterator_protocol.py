class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIterator(self.start)


class CountdownIterator:
    def __init__(self, current):
        self.current = current

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


cd = Countdown(5)
print(list(cd))
print(list(cd))
it = iter(cd)
print(next(it), next(it))
print(list(it))
print(next(it, "default"))
print(sum(Countdown(100)), 3 in Countdown(5), max(Countdown(7)))
print(list(zip(Countdown(3), "abc")))
print(list(enumerate(Countdown(2), start=1)))
print(sorted(Countdown(4)), list(reversed(list(Countdown(3)))))
