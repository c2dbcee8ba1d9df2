name = 'Bob'
print('Hello ' + name + 5)
