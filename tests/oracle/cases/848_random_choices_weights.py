import random
random.seed(42)
print(random.choices("abc", weights=[5, 1, 1], k=6), random.uniform(1, 2))
print(random.choices(range(10), k=5), random.choices([1,2,3]))
print(random.choices("xyz", cum_weights=[1, 1.5, 10], k=4))
print(random.choices(["a", "b"], [0.3, 0.7], k=3))
for bad in [dict(weights=[1]), dict(weights=[0, 0, 0]), dict(weights=[1,2,3], cum_weights=[1,2,3])]:
    try:
        random.choices("abc", **bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.choices("abc", 3)
except TypeError as e:
    print(e)
print(random.choices([], k=0))
try:
    random.choices([], k=1)
except IndexError as e:
    print("IndexError", e)
print(random.random())
