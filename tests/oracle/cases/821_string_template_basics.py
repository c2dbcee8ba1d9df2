import sys, gc
from string import Template
t = Template("hello")
r = t.substitute()
print(r is t.template, sys.getsizeof(t), type(t))
t2 = Template("$who likes $$ and ${what}s")
r2 = t2.substitute(who="tim", what="kung pao")
print(r2, sys.getrefcount(r2))
print(t2.safe_substitute(who=1))
print(t2.get_identifiers() if hasattr(t2, "get_identifiers") else None)
print(Template("x $").is_valid())
try:
    Template("line1\nab $ c").substitute()
except ValueError as e:
    print(e)
try:
    t2.substitute(who="x")
except KeyError as e:
    print(repr(e))
d = {"who": "a", "what": "b"}
print(t2.substitute(d, who="z"), Template("$a$b").substitute(a=1, b=2.5))
print(repr(Template("$x").safe_substitute()), Template("${x").safe_substitute(x=1))
