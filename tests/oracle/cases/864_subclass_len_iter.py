# A playlist and a settings object built on list and dict, with their own
# __len__ and __iter__, as a tutorial on "customising built-ins" writes them.
import gc
import sys


class Playlist(list):
    """Songs, iterated from the newest, counted without the intro."""

    def __len__(self):
        print("  Playlist.__len__")
        return max(super().__len__() - 1, 0)

    def __iter__(self):
        print("  Playlist.__iter__")
        return iter(self[::-1])


songs = Playlist(["intro", "verse", "chorus", "outro"])
print("len:", len(songs))
print("bool:", bool(songs), bool(Playlist()), bool(Playlist(["intro"])))
for s in songs:
    print(" ", s)
copy = list(songs)
print(copy, sys.getsizeof(copy))
print(tuple(songs))
print(sorted(songs))
first, *rest = songs
print(first, rest)
print("-".join(songs))
print([*songs, "bonus"])
print(sys.getsizeof(songs), sys.getrefcount(songs), gc.is_tracked(songs))


class Settings(dict):
    def __iter__(self):
        print("  Settings.__iter__")
        return iter(sorted(dict.keys(self)))

    def __len__(self):
        print("  Settings.__len__")
        return dict.__len__(self)


cfg = Settings(theme="dark", font="mono", size=12)
for key in cfg:
    print(key, "=", cfg[key])
print(list(cfg), len(cfg))
a, b, c = cfg
print(a, b, c)
print(dict(cfg) == {"theme": "dark", "font": "mono", "size": 12})
print(sys.getsizeof(cfg), sys.getrefcount(cfg))


class Word(str):
    def __len__(self):
        return 1  # one word, however many letters


w = Word("memory")
print(len(w), len(str(w)), bool(Word("")), w.upper())


class Pair(tuple):
    def __iter__(self):
        print("  Pair.__iter__")
        return tuple.__iter__(self)


p = Pair((3, 4))
x, y = p
print(x, y, list(p), max(p), sum(p))
print(sys.getsizeof(p), sys.getrefcount(p))


class Flags(int):
    def __bool__(self):
        print("  Flags.__bool__")
        return self != 0 and self % 2 == 1


for n in (Flags(0), Flags(2), Flags(3)):
    print(int(n), "on" if n else "off", not n)

gc.collect()
print(gc.get_count())
