x = [1]
print(len(x))
gc.collect()
