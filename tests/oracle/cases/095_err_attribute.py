class K:
    def __init__(self):
        self.value = 1
k = K()
print(k.value)
print(k.valeu)
