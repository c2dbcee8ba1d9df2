# A tiny calculator: expression trees as nested tuples, evaluated by a
# recursive match; constants and an Enum as value patterns.
import sys
import gc
from enum import Enum

class Op(Enum):
    ADD = "+"
    SUB = "-"
    MUL = "*"
    DIV = "/"

class Limits:
    ZERO = 0
    MAX = 1000

def evaluate(node):
    match node:
        case int() | float():
            return node
        case (Op.ADD, left, right):
            return evaluate(left) + evaluate(right)
        case (Op.SUB, left, right):
            return evaluate(left) - evaluate(right)
        case (Op.MUL, left, right):
            return evaluate(left) * evaluate(right)
        case (Op.DIV, _, Limits.ZERO):
            raise ZeroDivisionError("divide by literal zero")
        case (Op.DIV, left, right):
            return evaluate(left) / evaluate(right)
        case (Op() as op, *args):
            raise TypeError(op.name + " takes 2 operands, got " + str(len(args)))
        case ("neg", operand):
            return -evaluate(operand)
        case None:
            return 0
        case _:
            raise ValueError("bad node " + repr(node))

tree = (Op.ADD, 2, (Op.MUL, 3, (Op.SUB, 10, 4)))
print(evaluate(tree))
print(evaluate((Op.DIV, 7, 2)), evaluate(("neg", (Op.MUL, 2.5, 4))), evaluate(None))
for bad in [(Op.DIV, 1, 0), (Op.ADD, 1), ("pow", 2, 3), (Op.MUL, 1, 2, 3)]:
    try:
        evaluate(bad)
    except (ZeroDivisionError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

def classify(n):
    match n:
        case Limits.ZERO:
            return "zero"
        case Limits.MAX:
            return "max"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case True:
            return "never: True == 1 matched above"
        case x if x > Limits.MAX:
            return "too big"
        case _:
            return "other"

print([classify(v) for v in [0, 1000, 2, -1, 5000, 7, 0.0, 3.0]])

leaf = ("neg", ("neg", 5))
gc.collect()
before = gc.get_count()[0]
for i in range(20):
    evaluate(leaf)
print(gc.get_count()[0] - before, sys.getrefcount(leaf))
