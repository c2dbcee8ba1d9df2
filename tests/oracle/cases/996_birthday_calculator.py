# A birthday calculator like the ones in beginner tutorials.
from datetime import date, timedelta

today = date(2024, 3, 15)
friends = {
    "Ada": date(1990, 12, 10),
    "Grace": date(1985, 3, 15),
    "Linus": date(2000, 2, 29),
    "Guido": date(1956, 1, 31),
}


def age_on(born, day):
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years


def next_birthday(born, day):
    month, dom = born.month, born.day
    if (month, dom) == (2, 29):
        month, dom = 3, 1
    candidate = date(day.year, month, dom)
    if candidate < day:
        candidate = candidate.replace(year=day.year + 1)
    return candidate


for name, born in sorted(friends.items(), key=lambda kv: kv[1]):
    nb = next_birthday(born, today)
    wait = nb - today
    print(f"{name:6} born {born:%d %b %Y} ({born.strftime('%A')}), age {age_on(born, today)}, "
          f"next birthday {nb.isoformat()} in {wait.days} days")

print((today - friends["Guido"]).days, (today - friends["Ada"]) // timedelta(weeks=1), "weeks")
print(today.weekday(), today.isoweekday(), today.toordinal(), date.fromordinal(today.toordinal() + 100))
print(max(friends.values()), min(friends, key=friends.get), today + timedelta(days=365))
