# Text tools a strings chapter shows: translation tables, ascii(), hex
# dumps, latin-1 files, with what they allocate.
import sys

rot13 = str.maketrans("abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm")
secret = "hello memory".translate(rot13)
print(secret, secret.translate(rot13), len(rot13), sys.getsizeof(rot13))
clean = str.maketrans({"\t": " ", "\r": None, "é": "e"})
print(sorted(clean.items()), repr("caf\xe9\r\n\ttab".translate(clean)))
strip_digits = str.maketrans("", "", "0123456789")
print("r2d2 c3po".translate(strip_digits), "abc".translate({}) == "abc")

for name in ("José", "Zoë", "naïve café", "\u20ac 5", "plain"):
    print(ascii(name), f"{name!a}", "%a" % name, "{!a:>14}|".format(name))
print(ascii(["ñ", {"ü": 1}]), ascii(b"\xff"), ascii(3.5))

packet = bytes.fromhex("48 65 6c 6c 6f 00 ff")
print(packet, packet.hex(), bytearray.fromhex("de ad be ef"), bytes.fromhex("41") is b"A")
try:
    bytes.fromhex("4 1")
except ValueError as e:
    print("ValueError:", e)
raw = "Grüße, São Paulo".encode("latin-1")
print(raw, raw.decode("latin-1"), raw.decode("iso-8859-1") == raw.decode("latin1"), len(raw))
