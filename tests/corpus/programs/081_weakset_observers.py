import weakref


class Listener:
    def __init__(self, name):
        self.name = name

    def notify(self, event):
        print(f"{self.name} got {event}")


class Subject:
    def __init__(self):
        self.listeners = weakref.WeakSet()

    def subscribe(self, listener):
        self.listeners.add(listener)

    def emit(self, event):
        for listener in sorted(self.listeners, key=lambda l: l.name):
            listener.notify(event)


subject = Subject()
a, b = Listener("a"), Listener("b")
subject.subscribe(a)
subject.subscribe(b)
subject.subscribe(a)
print(len(subject.listeners))
subject.emit("start")
del a
print(len(subject.listeners))
subject.emit("stop")
print(b in subject.listeners)
