# A closure's cells come in the order of the names, not of their use:
# __closure__ follows co_freevars, which the compiler sorts.
import sys


def make_counter():
    zeta_total = 0
    alpha_step = 2
    middle = []

    def bump():
        nonlocal zeta_total
        zeta_total += alpha_step
        middle.append(zeta_total)
        return zeta_total

    return bump


bump = make_counter()
bump()
bump()
print([c.cell_contents for c in bump.__closure__])
print(len(bump.__closure__), sys.getrefcount(bump.__closure__[1].cell_contents))


def outer(b, a, c):
    def inner():
        return c, b, a
    return inner


print([cell.cell_contents for cell in outer("b", "a", "c").__closure__])
