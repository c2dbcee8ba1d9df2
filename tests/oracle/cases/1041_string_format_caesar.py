import string
print(string.ascii_lowercase, string.digits)
print(string.punctuation)
t = string.Template("Hello $name, you owe $$${amount}")
print(t.substitute(name="Bob", amount=12))
print(t.safe_substitute(name="Ann"))
def caesar(s, k):
    lo = string.ascii_lowercase
    table = str.maketrans(lo, lo[k:] + lo[:k])
    return s.translate(table)
print(caesar("hello world", 3))
print(string.capwords("the quick  brown fox"))
print("{:>10}|{:<6}|{:^7}|".format("r", "l", "c"))
print("{0:08.3f} {1:x} {1:#b} {2:,}".format(3.14159, 255, 1234567))
print(f"{'pad':*^11}", f"{42:+d}", f"{0.25:.1%}", f"{1e6:e}")
