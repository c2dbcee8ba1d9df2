print("before")
try:
    import sqlite3
except ImportError:
    print("a refusal is not an exception")
print("after")
