price = 2.675
print(round(price, digits=2))
