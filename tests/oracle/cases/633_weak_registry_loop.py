# A registry of live sessions: many sessions come and go, some of them
# tangled in reference cycles that only the collector can undo.
import gc
import weakref


class Session:
    def __init__(self, sid):
        self.sid = sid
        self.partner = None


live = weakref.WeakValueDictionary()
gc.collect()                   # from here on the collector runs on a known count
kept = []
for sid in range(3000):
    s = Session(sid)
    live[sid] = s
    if sid % 3 == 0:
        kept.append(s)
    elif sid % 3 == 1:
        s.partner = s          # a cycle: waits for the collector
print(len(kept), len(live) >= len(kept))
print(gc.collect())
print(len(live))
kept = kept[:10]
print(len(live))
print(sorted(live)[:12])
del s
print(len(live), gc.collect(), len(live))
