# A button tells its one listener about clicks; the listener may go away.
import weakref


class Listener:
    def __init__(self, name):
        self.name = name

    def notify(self, event):
        print(self.name, "heard", event)


class Button:
    def __init__(self):
        self.listeners = weakref.WeakSet()

    def click(self):
        for listener in self.listeners:
            listener.notify("click")


button = Button()
logger = Listener("logger")
button.listeners.add(logger)
button.listeners.add(logger)
print(len(button.listeners), logger in button.listeners)
button.click()
del logger
print(len(button.listeners))
button.click()

audit = Listener("audit")
button.listeners.add(audit)
button.listeners.discard(audit)
print(len(button.listeners), audit in button.listeners)
try:
    button.listeners.remove(audit)
except KeyError:
    print("audit was not listening")
print(3 in button.listeners)
group = weakref.WeakSet([audit])
print(len(group), [l.name for l in group])
