# Formatting dates and times for a report: strftime, format specs in
# f-strings, isoformat with its separators and timespecs, ctime.
from datetime import date, datetime, time

meeting = datetime(2024, 11, 5, 14, 7, 9, 250000)
print(meeting.strftime("%Y-%m-%d %H:%M:%S"))
print(meeting.strftime("%A, %d %B %Y at %I:%M %p"))
print(meeting.strftime("%a %b %e %j %U %W %w %u %y %C"), meeting.strftime("%D | %F | %T | %R | %%"))
print(meeting.strftime("%c"), "|", meeting.strftime("%x"), "|", meeting.strftime("%X"), "|", meeting.strftime("%f"))
print(meeting.strftime("%G-W%V-%u"), date(2024, 12, 30).strftime("%G %V"), date(2021, 1, 3).strftime("%G %V %g"))
print(f"{meeting:%d/%m/%Y}", f"{meeting.date():%B %d}", f"{meeting.time():%H.%M}", f"{meeting}", f"{meeting!r}")
print(meeting.isoformat(), meeting.isoformat(" "), meeting.isoformat(timespec="minutes"), meeting.isoformat("T", "milliseconds"))
print(meeting.date().isoformat(), meeting.time().isoformat(), time(7).isoformat(), time(7, 5, 3).isoformat("seconds"))
print(meeting.ctime(), date(2024, 1, 9).ctime(), str(meeting), str(meeting.date()), str(time(23, 59, 59, 1)))
print("{:%H:%M}".format(time(8, 5)), format(date(2024, 7, 4), "%m-%d"), format(date(2024, 7, 4)), time(18, 30).strftime("%I:%M %p"))
for d in (date(2024, 1, 1), date(2024, 6, 30), date(2024, 12, 31)):
    print(d, d.strftime("%j %U %W %a"))
