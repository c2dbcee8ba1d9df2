# The classic mistake: calling a coroutine function without awaiting it.
# CPython warns when the coroutine object goes away without ever running,
# once per line (the warnings module's default filter).
import gc


async def save(record):
    print("saving", record)
    return True


async def notify(user):
    print("notifying", user)


def handler(records):
    for r in records:
        save(r)  # forgot the await: nothing is saved
    print("handled", len(records))


handler(["a", "b", "c"])
handler(["d"])

pending = notify("ann")
print("created", type(pending).__name__)
del pending

for i in range(3):
    notify(i)

batch = [save(n) for n in range(2)]
print(len(batch))
batch.clear()
print(sorted(k for k in __warningregistry__ if k != "version"))
print(__warningregistry__["version"])


class Job:
    def __init__(self):
        self.step = save("job")


j = Job()
print(gc.is_tracked(j.step))
del j
kept = notify("at exit")
print("end")
