pairs = list(zip([1, 2], "ab", strict=True))
