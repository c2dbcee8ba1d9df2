# 'return' inside an except* clause is a SyntaxError (PEP 654): the clause
# may run for part of a group while other clauses still have to run.
def first_error(make):
    try:
        make()
    except* ValueError as eg:
        return eg.exceptions[0]
    return None
