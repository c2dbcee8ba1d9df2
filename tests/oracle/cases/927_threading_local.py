# threading.local: per-thread state the way web code and connection pools
# use it (a request context, a lazily opened "connection" per thread, a
# subclass whose __init__ runs once in each thread that touches it), what
# one costs and keeps alive, and what it refuses.
import sys
import threading
import weakref

context = threading.local()
print(type(context), type(context).__mro__)
print(sys.getsizeof(context), sys.getrefcount(context), weakref.getweakrefcount(context))
context.user = "main"
print(context.user, vars(context), sys.getrefcount(context.__dict__))

log = []


def handle(request_id, user):
    log.append((request_id, hasattr(context, "user")))
    context.user = user
    context.request_id = request_id
    for _ in range(200):  # long enough for the other handlers to run in between
        pass
    log.append((request_id, context.user, context.request_id, sorted(vars(context))))


workers = [threading.Thread(target=handle, args=(i, "user%d" % i)) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for entry in sorted(log, key=str):
    print(entry)
print("main still sees", context.user, vars(context))


class Connection:
    opened = 0

    def __init__(self, owner):
        Connection.opened += 1
        self.owner = owner

    def __repr__(self):
        return "Connection(%s)" % self.owner


class Pool(threading.local):
    def __init__(self, dsn):
        self.dsn = dsn
        self.conn = Connection(threading.current_thread().name)
        print("opened", self.conn, "for", dsn)


pool = Pool("db://example")
print(type(pool).__mro__, sys.getsizeof(pool))
print(sys.getrefcount(Pool), sys.getrefcount(pool))


def query(n):
    conn = pool.conn
    print("query", n, "on", conn, conn is pool.conn)


t = threading.Thread(target=query, args=(1,), name="worker-a")
t.start()
t.join()
t = threading.Thread(target=query, args=(2,), name="worker-b")
t.start()
t.join()
query(3)
print("connections opened:", Connection.opened)

# the constructor's arguments are kept for the other threads' __init__
dsn = "db://" + "kept"
before = sys.getrefcount(dsn)
p2 = Pool(dsn)
print(sys.getrefcount(dsn) - before)
del p2
print(sys.getrefcount(dsn) - before)

try:
    threading.local("no arguments")
except TypeError as e:
    print("TypeError:", e)
try:
    context.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
del context.user
try:
    context.user
except AttributeError as e:
    print("AttributeError:", e)
print(repr(context).startswith("<_thread._local object at 0x"))

r = weakref.ref(context)
del context
print(r())
