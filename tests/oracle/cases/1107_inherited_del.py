# __del__ is inherited: a subclass that does not define its own still runs
# its base's, and the most derived one wins in multiple inheritance.
import gc

class Resource:
    count = 0
    def __init__(self, name):
        self.name = name
        Resource.count += 1
    def __del__(self):
        Resource.count -= 1
        print("release", type(self).__name__, self.name, gc.is_finalized(self))

class File(Resource):
    pass

class Socket(Resource):
    def __del__(self):
        print("closing socket", self.name)
        super().__del__()

class SecureSocket(Socket):
    pass

class Logged:
    def __del__(self):
        print("logged", type(self).__name__)

class Mixed(Logged, File):
    pass

f = File("notes.txt")
s = SecureSocket("port 80")
print(Resource.count)
del f
del s
print(Resource.count)
m = Mixed("both")
del m
print(Resource.count)

node = File("cycle")
node.me = node
del node
print("before collect", Resource.count)
gc.collect()
print("after collect", Resource.count)
