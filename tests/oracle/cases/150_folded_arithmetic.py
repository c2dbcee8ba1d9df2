# Constants a learner writes as arithmetic: CPython's compiler works them out
# once, so each is a single constant object shared by every use.
import sys

SECONDS_PER_DAY = 60 * 60 * 24
KIB = 1 << 10
TIMEOUT = -5000
RATE = 1 / 3
HALF = 0.5 * 1

def seconds(days):
    return days * 60 * 60 * 24

def day_length():
    return 60 * 60 * 24

print(SECONDS_PER_DAY, KIB, TIMEOUT, RATE, HALF)
print(sys.getrefcount(SECONDS_PER_DAY), sys.getrefcount(TIMEOUT), sys.getrefcount(RATE))
print(day_length() is SECONDS_PER_DAY, day_length() is day_length())
print(seconds(2), seconds(2) is seconds(2))

# Limits: an int result over 128 bits is not folded, so each evaluation
# makes a new object.
print(2 ** 64 is 2 ** 64, 2 ** 100 is 2 ** 100, (1 << 127) is (1 << 127), (1 << 129) is (1 << 129))
print(10 ** 20 * 10 ** 10 is 10 ** 30, 7 * 10 ** 37 is 7 * 10 ** 37)

# An operation that would raise is left for run time.
def risky():
    return 1 / 0
try:
    risky()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# Unary operators fold too, floats keep their sign.
print(-0.0 is 0.0, not 0, not 5, ~7, +3.5, -(-4))
zero, minus_zero = 0.0, -0.0
print(zero is minus_zero, repr(minus_zero), True is 1 == 1)
