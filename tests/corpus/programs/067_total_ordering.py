from functools import total_ordering


@total_ordering
class Student:
    def __init__(self, name, grade):
        self.name = name
        self.grade = grade

    def __eq__(self, other):
        return self.grade == other.grade

    def __lt__(self, other):
        return self.grade < other.grade

    def __repr__(self):
        return f"{self.name}({self.grade})"


a, b, c = Student("Ann", 90), Student("Bob", 85), Student("Cy", 90)
print(a > b, a >= c, b <= a, a == c, b > a)
print(sorted([a, b, c]))
print(max(a, b, c), min([a, b, c]))
print(sorted([a, b, c], reverse=True))
