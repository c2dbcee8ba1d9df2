callbacks = []
for i in range(3):
    callbacks.append(lambda: i)
print([cb() for cb in callbacks])

callbacks = []
for i in range(3):
    def make(i=i):
        return lambda: i
    callbacks.append(make())
print([cb() for cb in callbacks])

def make_adders():
    adders = []
    for n in range(1, 4):
        def add(x, n=n):
            return x + n
        adders.append(add)
    return adders

print([add(10) for add in make_adders()])

buttons = {}
for label in ("ok", "cancel"):
    buttons[label] = lambda label=label: f"clicked {label}"
print(buttons["ok"](), buttons["cancel"]())
