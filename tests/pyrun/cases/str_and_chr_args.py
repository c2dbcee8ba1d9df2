# Argument types are checked as CPython checks them.
print("abc".startswith("ab"), "abc".endswith(("x", "bc")), "abc".startswith(("x", "y")))
for call in (lambda: "abc".startswith(1), lambda: "abc".endswith(("c", 2)), lambda: chr(-1),
             lambda: chr(10**9), lambda: chr(0x110000), lambda: chr(10**30), lambda: chr("a")):
    try:
        print(call())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(chr(65), chr(233), chr(0x20AC), chr(0x1F600) == "\U0001F600", ord(chr(0x1F600)), len(chr(0x1F600)))
print(ord("\u00e9"), ord("\u20ac"), chr(0x10FFFF) == "\U0010FFFF")
