import sys, io
sys.stderr = io.StringIO()
print("a")
1/0
