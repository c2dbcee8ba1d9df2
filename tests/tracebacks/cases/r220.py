# A learner prints a power of two too big for str()
def power_table(base, exponents):
    for e in exponents:
        value = base ** e
        print(f"{base}**{e} = {value}")

power_table(2, [10, 100, 1000])
power_table(2, [20000])
