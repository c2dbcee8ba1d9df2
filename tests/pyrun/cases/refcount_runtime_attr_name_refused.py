import sys


class Record:
    pass


row = Record()
field = "total_" + str(2024)
row.__dict__[field] = 99
print(getattr(row, field))
print(sys.getrefcount(field))
