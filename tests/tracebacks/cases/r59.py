# a missing comma: the compiler warns, then the call fails
points = [
    (0, 0)
    (1, 2),
]
