def numbers():
    n = 1
    yield locals()

print("start")
for snapshot in numbers():
    print(snapshot)
