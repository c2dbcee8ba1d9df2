import string
print(string.capwords("  hello   wIDE world  "), string.capwords("a-b-c", "-"), string.capwords("x y", sep=None))
print(string.capwords("ÉCOLE élève"), repr(string.capwords("")), string.capwords("a,,b", ","))
