# A builtin function's refcount counts references from its module's tables
# (4 on 3.11, 3 on 3.12+ for abs); the model refuses rather than print 2.
import sys

print(sys.getrefcount([].append))
print(sys.getrefcount(abs))
