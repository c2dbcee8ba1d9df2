import threading

class Logged(threading.Thread):
    def run(self):
        print("starting", self.name)
        super().run()

def fail():
    raise ValueError("no")

t = Logged(target=fail, name="w")
t.start()
t.join()
print("after")
