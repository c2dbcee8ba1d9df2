# What goes wrong with math, and what the errors say.
import math


def attempt(label, fn, *args):
    try:
        print(label, fn(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(label, type(e).__name__ + ":", e)


attempt("sqrt(-1)", math.sqrt, -1)
attempt("log(0)", math.log, 0)
attempt("log(-2)", math.log, -2)
attempt("log(5, 1)", math.log, 5, 1)
attempt("exp(1000)", math.exp, 1000)
attempt("pow(0, -1)", math.pow, 0, -1)
attempt("pow(10, 400)", math.pow, 10, 400)
attempt("sin(inf)", math.sin, math.inf)
attempt("acos(2)", math.acos, 2)
attempt("factorial(-1)", math.factorial, -1)
attempt("factorial(2.0)", math.factorial, 2.0)
attempt("isqrt(-4)", math.isqrt, -4)
attempt("comb(3, -1)", math.comb, 3, -1)
attempt("sqrt('9')", math.sqrt, "9")
attempt("floor(inf)", math.floor, math.inf)
attempt("floor(nan)", math.floor, math.nan)
attempt("trunc('x')", math.trunc, "x")
attempt("gcd(1.5, 3)", math.gcd, 1.5, 3)
attempt("dist", math.dist, (1, 2), (1, 2, 3))
attempt("fsum inf", math.fsum, [math.inf, -math.inf])
attempt("fsum overflow", math.fsum, [1e308, 1e308])
attempt("sqrt(10**400)", math.sqrt, 10 ** 400)
attempt("log(10**400)", math.log, 10 ** 400)
attempt("fmod(1, 0)", math.fmod, 1, 0)
attempt("sqrt()", math.sqrt)
attempt("pow(2)", math.pow, 2)
attempt("perm()", math.perm)
print(math.inf, -math.inf, math.nan, math.inf > 10 ** 300, math.nan == math.nan)
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(math.nan))
print(math.copysign(3, -0.0), math.copysign(math.inf, -1), math.fabs(-math.inf))
print(float("inf") == math.inf, math.exp(-1000), math.log1p(0), math.expm1(0))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print("isclose:", e)
try:
    math.prod()
except TypeError as e:
    print("prod:", e)
try:
    math.sqrt(x=4)
except TypeError as e:
    print("kw:", e)
