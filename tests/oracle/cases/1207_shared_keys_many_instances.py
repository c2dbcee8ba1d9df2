# Every instance of a class shares one table of attribute names.  How does
# the size of each instance's __dict__ change as more instances are made?
import sys


class Record:
    def __init__(self, name, value):
        self.name = name
        self.value = value


records = []
for i in range(12):
    records.append(Record(f"r{i}", i))
    if i % 3 == 0:
        print(i, sys.getsizeof(records[-1].__dict__))

first = records[0]
first.note = "added later"
print("after a new name:", sys.getsizeof(first.__dict__), sys.getsizeof(records[5].__dict__))
