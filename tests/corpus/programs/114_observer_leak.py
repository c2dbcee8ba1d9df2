import gc


class EventBus:
    def __init__(self):
        self.handlers = []

    def subscribe(self, handler):
        self.handlers.append(handler)

    def publish(self, msg):
        return [h(msg) for h in self.handlers]


class Window:
    instances = 0

    def __init__(self, bus, title):
        Window.instances += 1
        self.title = title
        bus.subscribe(self.on_message)

    def on_message(self, msg):
        return f"{self.title}: {msg}"

    def __del__(self):
        Window.instances -= 1


bus = EventBus()
for i in range(3):
    Window(bus, f"win{i}")
gc.collect()
print("windows still alive:", Window.instances)
print(bus.publish("hello"))
bus.handlers.clear()
print("after unsubscribing:", Window.instances)
