# A weak reference to a built-in function: CPython makes one (its
# builtin_function_or_method has a weakref slot); the model refuses rather
# than raise a TypeError CPython would not raise.
import weakref

r = weakref.ref(len)
print(r() is len)
