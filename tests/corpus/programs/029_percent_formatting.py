name = "world"
print("Hello, %s!" % name)
print("%d items cost %.2f" % (3, 9.5))
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%x %o %X %e" % (255, 8, 255, 1500.0))
print("%r and %s" % ("quote", "quote"))
print("%(user)s has %(n)d messages" % {"user": "bob", "n": 7})
print("%%d is a placeholder")
print("%c%c" % (80, "y"))
print("%.3s" % "abcdef")
print("%*d" % (6, 12))
print("%+.1f%%" % 12.345)
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
