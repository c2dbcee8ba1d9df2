import sys
errors = 2
if errors:
    sys.exit("found %d errors" % errors)
print("not reached")
