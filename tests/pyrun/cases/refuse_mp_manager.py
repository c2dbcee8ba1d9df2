from multiprocessing import Manager, Process

def record(shared, key):
    shared[key] = key * key

if __name__ == "__main__":
    print("sharing a dict between processes")
    with Manager() as manager:
        squares = manager.dict()
        procs = [Process(target=record, args=(squares, k)) for k in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print(dict(sorted(squares.items())))
