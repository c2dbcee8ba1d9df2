# Parsing input that is sometimes bad: every failed int() makes an exception
# object (and its args tuple) that is dropped at once. What stays behind is
# on the free lists, which is why the young count moves the way it does.
import gc

raw = ["12", "x7", "", "40", "3.5", "-2", "0x1f", "7"]
gc.collect()
start = gc.get_count()[0]
good, bad = [], 0
for text in raw:
    try:
        good.append(int(text))
    except ValueError:
        bad += 1
print(good, bad, gc.get_count()[0] - start)

gc.collect()
start = gc.get_count()[0]
payload = b"GET /index.html HTTP/1.1"
print(payload.find(b" "), payload.find(b" ", 4), payload.count(b"/", 0, 10))
print(payload.startswith(b"GET"), payload.endswith(b"1.1", 0, 24))
try:
    payload.index(b"POST")
except ValueError as err:
    print(err)
print(gc.get_count()[0] - start)

gc.collect()
start = gc.get_count()[0]
for value in ("1+2j", "oops", 3):
    try:
        print(complex(value))
    except ValueError as err:
        print("ValueError:", err)
for value in ("ab", 5, [1, 2]):
    try:
        print(bytes(value))
    except TypeError as err:
        print("TypeError:", err)
try:
    max([])
except ValueError as err:
    print(err)
print(gc.get_count()[0] - start)
