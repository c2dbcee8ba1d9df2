def read_name(packet):
    header, body = packet[:2], packet[2:]
    return body.decode("utf-8")


packets = [b"\x00\x01Ada", b"\x00\x02Gr\xe9ce"]
for p in packets:
    print(read_name(p))
