# A timedelta too large to hold, built in a loop.
from datetime import timedelta

span = timedelta(days=1)
for step in range(40):
    span = span * 2
print(span)
