def average(values):
    return sum(values) / len(values)


scores = {"math": [90, 80], "art": [70], "music": []}
for subject, values in scores.items():
    print(subject, average(values))
print("never printed")
