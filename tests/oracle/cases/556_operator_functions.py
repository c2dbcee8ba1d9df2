# The operator module as a table of functions: a tiny calculator.
import operator

ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
       "//": operator.floordiv, "%": operator.mod, "**": operator.pow}
for sym in ops:
    print(7, sym, 3, "=", ops[sym](7, 3))
print(operator.neg(4), operator.pos(-4), operator.abs(-2.5), operator.invert(5))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.gt(1, 2), operator.ge(3, 1))
print(operator.not_(0), operator.truth([1]), operator.is_(None, None), operator.is_not(1, None))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 4), operator.rshift(64, 2))
print(operator.concat([1, 2], [3]), operator.concat("ab", "cd"), operator.contains("hello", "ell"))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf((5, 6, 7), 7), operator.index(42))
data = {"a": 1}
operator.setitem(data, "b", 2)
print(data, operator.getitem(data, "b"))
operator.delitem(data, "a")
print(data)
nums = [3, 1, 2]
operator.setitem(nums, 0, 30)
print(nums, operator.getitem(nums, -1))
total = 10
total = operator.iadd(total, 5)
print(total, operator.imul([1], 3))
print(operator.add, operator.truth)
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))


def check(label, fn, *args):
    try:
        print(label, fn(*args))
    except (TypeError, ValueError, ZeroDivisionError, IndexError, KeyError, AttributeError) as e:
        print(label, type(e).__name__, e)


check("add one", operator.add, 1)
check("neg none", operator.neg)
check("div zero", operator.truediv, 1, 0)
check("concat ints", operator.concat, 1, 2)
check("indexOf missing", operator.indexOf, [1], 5)
check("index float", operator.index, 2.5)
check("contains int", operator.contains, 1, 2)
check("getitem", operator.getitem, [1], 3)
check("itemgetter()", operator.itemgetter)
check("attrgetter(1)", operator.attrgetter, 1)
g = operator.itemgetter(1)
check("two args", g, 1, 2)
check("iter", iter, g)
check("next", next, g)
check("list", list, g)
check("missing attr", operator.attrgetter("zz"), object())
