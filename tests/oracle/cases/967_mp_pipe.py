# multiprocessing.Pipe as the docs show it: a child sends a list, the parent
# receives it; a message the parent sent before start() reaches the child;
# a one-way Pipe(duplex=False) and its read-only end.
from multiprocessing import Process, Pipe


def child(conn):
    conn.send([42, None, "hello"])
    msg = conn.recv()
    conn.send({"echo": msg, "len": len(msg)})
    conn.close()


if __name__ == "__main__":
    parent_conn, child_conn = Pipe()
    parent_conn.send("ping")
    p = Process(target=child, args=(child_conn,))
    p.start()
    print(parent_conn.recv())
    print(parent_conn.recv())
    print(parent_conn.poll())
    p.join()
    r, w = Pipe(duplex=False)
    w.send((1, 2.5, "three"))
    print(r.recv(), r.poll(0.1))
    try:
        r.send(1)
    except OSError as e:
        print("OSError", e)
