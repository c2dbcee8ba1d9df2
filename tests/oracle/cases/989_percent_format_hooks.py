# printf-style formatting of a program's number-like objects: %x and %o
# take __index__, %d takes __int__ (or __index__), %f takes __float__.
class Color:
    def __init__(self, rgb):
        self.rgb = rgb

    def __index__(self):
        return self.rgb


class Price:
    def __init__(self, cents):
        self.cents = cents

    def __int__(self):
        return self.cents // 100

    def __float__(self):
        return self.cents / 100


teal = Color(0x008080)
print("#%06x %o %d" % (teal, Color(8), teal))
print("%d dollars (%.2f exactly), %5.1f%%" % (Price(1999), Price(1999), Price(4250)))
print("%(price).3f" % {"price": Price(5)})
for fmt, value in [("%x", Price(100)), ("%f", object()), ("%d", "7")]:
    try:
        print(fmt % value)
    except TypeError as e:
        print("TypeError:", e)
