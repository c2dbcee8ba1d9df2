items = {'x': 1}
for k, v in items:
    print(k, v)
