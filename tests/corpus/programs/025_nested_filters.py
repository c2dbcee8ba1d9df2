students = [
    {"name": "Ann", "grades": [90, 85, 77]},
    {"name": "Ben", "grades": [60, 72, 58]},
    {"name": "Cid", "grades": [88, 94, 99]},
    {"name": "Dee", "grades": []},
]

averages = {s["name"]: sum(s["grades"]) / len(s["grades"])
            for s in students if s["grades"]}
print(averages)

honours = [name for name, avg in averages.items() if avg >= 85]
print(honours)

pairs = [(a, b) for a in range(1, 20) for b in range(a, 20)
         if (a * a + b * b) ** 0.5 == int((a * a + b * b) ** 0.5)]
print(pairs)

all_grades = sorted(g for s in students for g in s["grades"])
print(all_grades[:3], all_grades[-3:])
print([[g for g in s["grades"] if g > 80] for s in students])
