import sys
print("ok")
print(sys.stdout.errors)
