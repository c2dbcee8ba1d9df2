from operator import itemgetter, attrgetter

employees = [
    {"name": "Zoe", "dept": "ops", "salary": 5200},
    {"name": "Adam", "dept": "dev", "salary": 6100},
    {"name": "Mia", "dept": "dev", "salary": 5900},
    {"name": "Li", "dept": "ops", "salary": 5200},
]

by_salary = sorted(employees, key=itemgetter("salary"), reverse=True)
print([e["name"] for e in by_salary])

by_dept_then_name = sorted(employees, key=itemgetter("dept", "name"))
print([(e["dept"], e["name"]) for e in by_dept_then_name])

employees.sort(key=lambda e: (-e["salary"], e["name"]))
print([e["name"] for e in employees])


class Emp:
    def __init__(self, name, age):
        self.name, self.age = name, age
    def __repr__(self):
        return self.name

staff = [Emp("x", 40), Emp("y", 25), Emp("z", 33)]
print(sorted(staff, key=attrgetter("age")))
print(sorted(["b10", "a2", "a10", "b1"], key=lambda s: (s[0], int(s[1:]))))
