def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)


def append_safely(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


print(append_safely(1))
print(append_safely(2))

def remember(key, value, seen={}):
    seen[key] = value
    return len(seen)

for k in "abc":
    print(remember(k, ord(k)))
print(remember.__defaults__[0])
