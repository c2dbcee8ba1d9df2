# A decorator that counts calls, the way most tutorials introduce decorators.
import functools


def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


@count_calls
def greet(name, greeting="Hello"):
    """Return a friendly greeting."""
    return f"{greeting}, {name}!"


print(greet("Ada"))
print(greet("Grace", greeting="Hi"))
print(greet("Linus"))
print("calls:", greet.calls)
print("name:", greet.__name__)
print("doc:", greet.__doc__)
print("wrapped:", greet.__wrapped__("Guido"))
print("calls after __wrapped__:", greet.calls)
