# sys.exit() raises SystemExit; uncaught, its code is the exit status and
# nothing is printed (a string code goes to stderr).
import sys
def main():
    print("working")
    return 0
try:
    sys.exit(2)
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare", e.code)
print("end")
sys.exit(main())
