# contextlib.suppress is a class whose metaclass is ABCMeta in CPython (it
# derives from AbstractContextManager); the model makes it with type.
import contextlib
with contextlib.suppress(KeyError):
    {}["k"]
print("suppressed")
print(type(contextlib.suppress))
