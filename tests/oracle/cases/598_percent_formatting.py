# Old-style % formatting: a receipt, a table and a few mistakes.
receipt = {"shop": "Corner Store", "total": 23.456, "items": 4, "paid": True}
print("%(shop)s: %(items)d items, total %(total).2f (paid: %(paid)s)" % receipt)
print("%(shop)-16s|%(items)5d|%(total)8.1f|" % receipt)
rows = [("apples", 3, 0.5), ("bread", 1, 2.25), ("cheese", 12, 7.125)]
for name, qty, price in rows:
    print("%-8s x%3d @ %6.2f = %7.2f" % (name, qty, price, qty * price))
print("%5.1f%% done" % 99.44, "%+d %+d" % (5, -5), "% d" % 42, "%05d|%-5d|%5d" % (42, 42, 42))
print("%x %X %#x %#o %o" % (255, 255, 255, 8, 8), "%c%c" % (80, "y"), "%r" % "quote's")
print("%e | %.3e | %g | %G | %.2g" % (12345.6789, 0.000123, 1e-10, 2.5e20, 123456))
print("%s | %s | %s" % ([1, 2], (3,), None), "%d" % 7.9, "%i" % -0.5, "%s" % "alone")
print("[%*d] [%-*s] [%.*f]" % (6, 42, 6, "ab", 1, 2.55))
print("%.3s|%10.2s|" % ("abcdef", "xyz"), "%5s|%-5s|" % ("é", "ü"))
print("100%%" % (), "%s%%" % 50)
for fmt, args in [("%d", "x"), ("%x", 1.5), ("%f", "y"), ("%c", "ab"), ("%s %s", ("one",)),
                  ("%s", (1, 2)), ("%(k)s", (1,)), ("%(k", {"k": 1}), ("%z", 3), ("%", 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
print("%(missing)s" % receipt)
