import gc

events = []


def on_gc(phase, info):
    if info["generation"] == 2:
        events.append((phase, info["generation"], info.get("collected")))


gc.callbacks.append(on_gc)
for _ in range(3):
    a = []
    a.append(a)
    del a
gc.collect()
gc.callbacks.remove(on_gc)
print(events)
gc.collect()
print(len(events))
print(sorted(k for k in ("generation", "collected", "uncollectable")))
