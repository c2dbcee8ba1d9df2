import sys

squares_list = [n * n for n in range(10000)]
squares_gen = (n * n for n in range(10000))

print("list size:", sys.getsizeof(squares_list))
print("generator is small:", sys.getsizeof(squares_gen) < 500)
print(sum(squares_list) == sum(squares_gen))
print(sum(squares_gen))

words = ["memory", "model", "deep", "dive"]
print(max(len(w) for w in words))
print(any(w.startswith("d") for w in words), all(len(w) > 3 for w in words))
print(tuple(w[0] for w in words))
print(", ".join(w.upper() for w in words if "e" in w))
