prices = {"apple": 0.5, "banana": 0.25, "cherry": 3.0, "date": 1.75}

doubled = {k: v * 2 for k, v in prices.items()}
print(doubled)

cheap = {name: price for name, price in prices.items() if price < 1}
print(cheap)

inverted = {v: k for k, v in prices.items()}
print(inverted)

lengths = {word: len(word) for word in sorted(prices, key=len)}
print(lengths)

squares = {n: n ** 2 for n in range(1, 6)}
print(squares, 3 in squares, 9 in squares)

grid = {(x, y): x * y for x in range(3) for y in range(3) if x <= y}
print(grid)
