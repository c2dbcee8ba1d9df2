from datetime import date, timedelta
print(date(2024, 1, 6) + timedelta(days=1))


class Day(date):
    def is_weekend(self):
        return self.weekday() >= 5


print(Day(2024, 1, 6).is_weekend())
