def load(path):
    return None

for line in load(
        "data.txt"):
    print(line)
