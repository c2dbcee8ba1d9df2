# Comparing ints and floats is exact in CPython: 2**53 + 1 has no float of
# its own, so it is not equal to the float it rounds to. NaN is unordered.
big = 2 ** 53 + 1
approx = float(big)
print(big, approx, big == approx, big > approx, approx < big, int(approx) == big - 1)
print(10 ** 16 + 1 > 1e16, 10 ** 16 + 1 == 1e16, 2 ** 63 == 9.223372036854776e18, 2 ** 63 - 1 < 2.0 ** 63)
prices = {2 ** 64: "exact"}
print(prices[float(2 ** 64)], 10 ** 400 > 1e308, -(10 ** 400) < -1e308, 2 ** 64 + 1 > float(2 ** 64))
print(sorted([3, 2.5, 10 ** 20, 1e19, 2 ** 64, True, -0.5]), max(10 ** 17 + 1, 1e17), min(1e17, 10 ** 17 + 1))
nan = float("nan")
print(nan < 1, nan <= 1, nan >= 1, 1 <= nan, nan == nan, nan != nan, [nan] == [nan], [1, nan] < [1, 2])
print({1.0: "a", 1: "b"}, 1e16 in {10 ** 16}, 10 ** 16 + 1 in {1e16}, 0.5 in {0}, 3 in [3.0])
