class Connection:
    created = 0

    def __init__(self):
        Connection.created += 1
        self.id = Connection.created
        self.in_use = False

    def __repr__(self):
        return f"<conn {self.id}{' busy' if self.in_use else ''}>"


class Pool:
    def __init__(self, size):
        self._free = [Connection() for _ in range(size)]
        self._busy = []

    def acquire(self):
        if not self._free:
            raise RuntimeError("pool exhausted")
        conn = self._free.pop()
        conn.in_use = True
        self._busy.append(conn)
        return conn

    def release(self, conn):
        conn.in_use = False
        self._busy.remove(conn)
        self._free.append(conn)

    def __len__(self):
        return len(self._free)


pool = Pool(2)
a = pool.acquire()
b = pool.acquire()
print(a, b, len(pool))
try:
    pool.acquire()
except RuntimeError as e:
    print("error:", e)
pool.release(a)
c = pool.acquire()
print(c is a, c, Connection.created, pool._busy)
