# Under 3.12+ a list comprehension runs inline (PEP 709): its loop
# variable joins the function's own locals in co_varnames.
def squares(n):
    result = [i * i for i in range(n)]
    return result


print(squares(4))
print(squares.__code__.co_varnames, squares.__code__.co_nlocals)
