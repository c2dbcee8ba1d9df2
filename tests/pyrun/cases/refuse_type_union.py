# int | None makes a types.UnionType, which the model does not have: a
# refusal, not the TypeError it once raised for valid Python.
def first(items: list, default: int | None = None):
    return items[0] if items else default


print(first([3]))
