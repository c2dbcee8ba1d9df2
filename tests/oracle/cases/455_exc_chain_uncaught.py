# An exception that escapes with a chain: the last line of the traceback
class ParseError(Exception):
    pass


def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError(f"not a number: {s!r}") from e


print(parse("10"))
parse("ten")
