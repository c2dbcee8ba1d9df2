def parse_int(text):
    try:
        value = int(text)
    except ValueError as e:
        print(f"  bad input {text!r}: {e}")
        return None
    else:
        print(f"  parsed {value}")
        return value
    finally:
        print("  cleanup for", repr(text))


for raw in ["42", "forty-two", " 7 ", ""]:
    print(parse_int(raw))


def risky(n):
    try:
        return 10 / n
    except ZeroDivisionError:
        return float("inf")
    except TypeError as err:
        return str(err)


print(risky(4), risky(0), risky("x"))
