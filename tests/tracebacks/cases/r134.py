class Person:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)


people = {Person("ann"), Person("bob")}
print(len(people))
crowd = {Person(["ann", "bob"])}
