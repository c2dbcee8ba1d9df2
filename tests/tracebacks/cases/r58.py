# a typo in a method read through parentheses
name = ("ada" + " lovelace")
print((name).titel())
