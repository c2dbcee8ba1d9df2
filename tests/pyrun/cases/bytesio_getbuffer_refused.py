import io
b = io.BytesIO(b"abc")
print(b.getvalue())
view = b.getbuffer()
print(len(view))
