print("before")
try:
    import asyncio
except ImportError:
    print("a refusal is not an exception")
print("after")
