LOG = """\
INFO start server
WARN disk 81%
INFO request /index
ERROR timeout /api
INFO request /about
ERROR refused /db
WARN memory 92%
"""


def lines(text):
    for line in text.splitlines():
        yield line


def parse(rows):
    for row in rows:
        level, _, message = row.partition(" ")
        yield level, message


def only(levels, records):
    return ((lvl, msg) for lvl, msg in records if lvl in levels)


pipeline = only({"ERROR", "WARN"}, parse(lines(LOG)))
for level, message in pipeline:
    print(f"{level:<5} | {message}")

counts = {}
for level, _ in parse(lines(LOG)):
    counts[level] = counts.get(level, 0) + 1
print(counts)
