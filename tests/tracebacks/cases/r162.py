# An iso string with a typo, parsed with fromisoformat.
from datetime import datetime

stamps = ["2024-03-15T09:30:00", "2024-03-15 17:45", "2024-3-16T08:00:00"]
for s in stamps:
    print(datetime.fromisoformat(s))
