class Buffer(bytearray):
    pass


print(Buffer(b"ab"))
