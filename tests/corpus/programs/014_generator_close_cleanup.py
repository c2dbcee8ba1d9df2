def reader(lines):
    print("open")
    try:
        for n, line in enumerate(lines, 1):
            yield n, line.strip()
    finally:
        print("closed after", n, "lines")


gen = reader(["alpha\n", "beta\n", "gamma\n", "delta\n"])
for n, text in gen:
    print(n, text)
    if text == "beta":
        break
gen.close()
print(gen.gi_frame)

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise

s = stubborn()
next(s)
s.close()
s.close()
print("done")
