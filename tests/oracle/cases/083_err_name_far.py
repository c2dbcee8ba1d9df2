print("a")
print(zzzq_undefined)
