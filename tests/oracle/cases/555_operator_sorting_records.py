# Sorting records with operator.itemgetter and attrgetter instead of lambdas.
import sys
import gc
from operator import itemgetter, attrgetter

scores = [("maria", 88, "b"), ("tom", 95, "a"), ("ana", 88, "a"), ("li", 70, "c")]
print(sorted(scores, key=itemgetter(1)))
print(sorted(scores, key=itemgetter(1, 0), reverse=True))
print(min(scores, key=itemgetter(1)), max(scores, key=itemgetter(2)))
names = list(map(itemgetter(0), scores))
print(names)
by_letter = itemgetter(2)
print(by_letter, by_letter(scores[0]), by_letter("xyz"))
pick = itemgetter(0, -1)
print(pick, pick("hello"), pick([1, 2, 3]))
print(itemgetter("name")({"name": "box", "size": 3}))


class Book:
    def __init__(self, title, pages, shelf):
        self.title = title
        self.pages = pages
        self.shelf = shelf

    def __repr__(self):
        return f"Book({self.title!r})"


class Shelf:
    def __init__(self, row):
        self.row = row


books = [Book("Dune", 412, Shelf(3)), Book("Emma", 474, Shelf(1)), Book("Ulysses", 730, Shelf(2))]
print(sorted(books, key=attrgetter("pages"), reverse=True))
print(sorted(books, key=attrgetter("shelf.row")))
get_both = attrgetter("title", "pages")
print(get_both(books[0]), get_both)
print(attrgetter("shelf.row", "title"))
print(type(by_letter).__name__, sys.getsizeof(by_letter), sys.getsizeof(get_both), gc.is_tracked(by_letter))
print(callable(by_letter), isinstance(get_both, attrgetter))
key = ("title", "pages")
getter = attrgetter(*key)
print(sys.getrefcount(key), sys.getrefcount(by_letter))
