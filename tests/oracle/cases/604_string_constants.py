# The string module's constants: checking characters of a password, a
# Caesar cipher over ascii_lowercase.
import gc
gc.collect()
import string
import sys

print(gc.get_count())
print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace))
print(len(string.printable), len(string.ascii_letters))
print(sys.getsizeof(string.ascii_letters), sys.getsizeof(string.whitespace))


def strength(password):
    kinds = 0
    for group in (string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation):
        for ch in password:
            if ch in group:
                kinds += 1
                break
    return kinds


for p in ["hello", "Hello1", "Hello1!", "12345"]:
    print(p, strength(p))


def caesar(text, shift):
    letters = string.ascii_lowercase
    out = []
    for ch in text:
        if ch in letters:
            out.append(letters[(letters.index(ch) + shift) % 26])
        else:
            out.append(ch)
    return "".join(out)


secret = caesar("memory model", 3)
print(secret, caesar(secret, -3))
print(string.digits is string.digits, "a" in string.ascii_letters)
print(gc.collect())
