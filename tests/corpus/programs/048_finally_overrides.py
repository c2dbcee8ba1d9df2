def tricky():
    try:
        return "from try"
    finally:
        print("finally runs before the return")


def really_tricky():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
    return "done"


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"


print(tricky())
print(really_tricky())
print(swallow())

def count_finally(n):
    log = []
    while n:
        try:
            n -= 1
            if n == 2:
                break
        finally:
            log.append(n)
    return log

print(count_finally(5))
