class ExportError(Exception):
    pass


def export(text):
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError as e:
        raise ExportError(f"cannot export {text!r}") from e


print(export("café"))
export("cost: 5\u20ac")
