class Playlist:
    def __init__(self, *songs):
        self._songs = list(songs)

    def __len__(self):
        return len(self._songs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Playlist(*self._songs[index])
        return self._songs[index]

    def __contains__(self, song):
        print("  (__contains__ called)")
        return song in self._songs

    def __repr__(self):
        return f"Playlist{tuple(self._songs)}"

    def __add__(self, other):
        return Playlist(*(self._songs + other._songs))


p = Playlist("intro", "verse", "chorus", "outro")
print(len(p), p[0], p[-1], p[1:3])
print("chorus" in p)
for song in p:
    print("playing", song)
print(list(reversed(p)), sorted(p)[:2])
print(p + Playlist("bonus"))
print(bool(Playlist()), bool(p))
try:
    p[10]
except IndexError as e:
    print("IndexError:", e)
