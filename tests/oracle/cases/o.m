(1475, 2, 0)
59
(1, 0, 0)
3
3 ZeroDivisionError: division by zero
(0, 0, 0)
