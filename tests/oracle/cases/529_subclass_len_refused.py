# Overriding a special method that the built-in's C code reaches (len(),
# iteration, x[i]): len() calls the subclass's __len__ (slot_sq_length).
# (Refused until the model's list code called it; the name stayed.)
class Countdown(list):
    def shout(self):
        return [str(x).upper() for x in self]


c = Countdown([3, 2, 1])
print(c.shout(), len(c))


class Fixed(list):
    def __len__(self):
        return 99


print(len(Fixed([1])))
