import sys
import math

print(math.sqrt(16))
print(sys.getrefcount(sys))
