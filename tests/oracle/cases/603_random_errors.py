# What the random module says when it is called wrongly.
import random

random.seed(1)
try:
    random.randint(1)
except TypeError as e:
    print("TypeError:", e)
try:
    random.randint(10, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    random.randrange(0)
except ValueError as e:
    print("ValueError:", e)
try:
    random.randrange(1, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    random.randrange(5, 5, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.sample([1, 2, 3], 5)
except ValueError as e:
    print("ValueError:", e)
try:
    random.sample({1, 2, 3}, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    random.shuffle((1, 2, 3))
except TypeError as e:
    print("TypeError:", e)
try:
    random.random(5)
except TypeError as e:
    print("TypeError:", e)
try:
    random.seed([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    random.choice(seq=[1], k=2)
except TypeError as e:
    print("TypeError:", e)
print(random.randint(-5, 5), random.randrange(-10, -1), random.randrange(20, 0, -3))
random.seed(-99)
a = random.random()
random.seed(99)
print(a == random.random())
random.seed(2 ** 70 + 3)
print(random.random())
random.seed(True)
b = random.random()
random.seed(1)
print(b == random.random(), b)
