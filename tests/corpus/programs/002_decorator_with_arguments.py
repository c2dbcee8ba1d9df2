import functools

def repeat(times):
    """Decorator factory: call the function `times` times, collect results."""
    def decorate(fn):
        @functools.wraps(fn)
        def inner(*a, **kw):
            results = []
            for _ in range(times):
                results.append(fn(*a, **kw))
            return results
        return inner
    return decorate

counter = 0

@repeat(3)
def tick(step=1):
    global counter
    counter += step
    return counter

print(tick())
print(tick(step=10))
print(tick.__name__, counter)

@repeat(times=2)
def shout(word):
    return word.upper() + "!"

print(shout("hey"))
