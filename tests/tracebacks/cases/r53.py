prices = [3, 4]
print(
    prices[0]
    * prices[1]
    / (prices[0] - 3)
)
