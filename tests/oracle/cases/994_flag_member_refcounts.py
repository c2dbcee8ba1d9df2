# Who holds an enum member?  The class keeps every member three times
# (its __dict__, _member_map_, _value2member_map_); a combined Flag is
# made once and then cached; ~ caches its answer on the member.
import sys
from enum import Enum, Flag, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1  # an alias


print(sys.getrefcount(Color.RED), sys.getrefcount(Color.GREEN))
favourite = Color.RED
print(sys.getrefcount(Color.RED))
palette = [Color.GREEN] * 10
print(sys.getrefcount(Color.GREEN))
del palette
print(sys.getrefcount(Color.GREEN))


class Style(Flag):
    BOLD = auto()
    ITALIC = auto()
    UNDERLINE = auto()


print(sys.getrefcount(Style.BOLD))
heading = Style.BOLD | Style.UNDERLINE
print(sys.getrefcount(heading))
again = Style.UNDERLINE | Style.BOLD
print(heading is again, sys.getrefcount(heading))
del heading, again
print(len(Style._value2member_map_), sys.getrefcount(Style(5)))
plain = ~Style.BOLD
print(plain, sys.getrefcount(plain), sys.getrefcount(Style.BOLD))
print(~plain is Style.BOLD, sys.getrefcount(Style.BOLD))
print(sorted(Style._value2member_map_))
