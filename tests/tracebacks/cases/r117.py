def label(name):
    return name.encode("ascii")


def save(names):
    return [label(n) for n in names]


print(save(["Ann", "Bob"]))
print(save(["Zoë", "Åsa"]))
