def build(*parts):
    return "-".join(parts)


label = build(
    "a",
    "b",
    "c",
    "d",
    "e",
    7,
)
