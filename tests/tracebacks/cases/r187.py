names = ["ada", "grace", "linus"]
scores = [91, 88]
for name, score in zip(names, scores, strict=True):
    print(name, score)
