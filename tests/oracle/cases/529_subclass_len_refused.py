# Overriding a special method that the built-in's C code reaches (len(),
# iteration, x[i]) is refused: the model's list code would not call it.
class Countdown(list):
    def shout(self):
        return [str(x).upper() for x in self]


c = Countdown([3, 2, 1])
print(c.shout(), len(c))


class Fixed(list):
    def __len__(self):
        return 99


print(len(Fixed([1])))
