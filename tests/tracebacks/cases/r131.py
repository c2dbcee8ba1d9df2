# A clause of except* that raises: the new exception and the part no clause
# matched leave together in a new group with an empty message.
def validate(rows):
    problems = []
    for i, row in enumerate(rows):
        try:
            if not row:
                raise ValueError(f"row {i} is empty")
            int(row)
        except ValueError as e:
            problems.append(e)
        except TypeError as e:
            problems.append(e)
    if problems:
        raise ExceptionGroup("invalid rows", problems)


try:
    validate(["1", "", None, "x"])
except* ValueError as eg:
    raise RuntimeError(f"{len(eg.exceptions)} bad values")
