def describe(name, size):
    return f"{name}: {size}"


print(describe(
    "buffer",
    len(buffer_data),
))
