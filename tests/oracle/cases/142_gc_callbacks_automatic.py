import gc
gc.collect()
seen = []
def note(phase, info):
    if phase == "start":
        seen.append(info["generation"])
gc.callbacks.append(note)
keep = []
for k in range(701 * 13):
    keep.append([])
gc.callbacks.remove(note)
print(len(seen))
i = 0
for g in seen:
    i += 1
    if g > 0:
        print(i, g)
