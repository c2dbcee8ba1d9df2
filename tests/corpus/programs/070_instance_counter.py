class Robot:
    population = 0
    names = []

    def __init__(self, name):
        self.name = name
        Robot.population += 1
        Robot.names.append(name)

    def __del__(self):
        Robot.population -= 1
        print(f"{self.name} is being destroyed")

    @classmethod
    def how_many(cls):
        return f"We have {cls.population} robots."


r1 = Robot("R2-D2")
r2 = Robot("C-3PO")
print(Robot.how_many())
del r1
print(Robot.how_many())
r2.population = 99
print(Robot.population, r2.population, r2.__dict__)
r2 = None
print(Robot.how_many(), Robot.names)
