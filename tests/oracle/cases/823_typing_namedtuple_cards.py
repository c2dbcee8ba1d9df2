from typing import NamedTuple, Optional
import sys, gc

class Card(NamedTuple):
    rank: str
    suit: str
    owner: Optional[str] = None

deck = [Card(r, s) for s in "SH" for r in "AK"]
print(deck[:2], Card.__doc__)
print(sorted(deck)[0], max(deck, key=lambda c: c.rank))
c = deck[0]
print(sys.getsizeof(c), gc.is_tracked(c), sys.getrefcount(c))
print(c._make(["Q", "D", "me"]), Card._field_defaults)

class Outer:
    class Inner(NamedTuple):
        v: int
print(Outer.Inner.__qualname__, Outer.Inner(5))

