# When the program ends, in which order do the __del__ methods run?
class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("closing", self.name)


db = Resource("db")
db.cache = Resource("db-cache")
log = Resource("log")
pool = [Resource("conn-1"), Resource("conn-2"), Resource("conn-3")]
pair = (Resource("left"), Resource("right"))
config = {"main": Resource("config-main")}
node = Resource("node")
node.myself = node  # a reference cycle
print("program done")
