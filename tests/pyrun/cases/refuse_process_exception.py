import multiprocessing as mp
def boom():
    print("about to fail")
    return 1 / 0
if __name__ == "__main__":
    p = mp.Process(target=boom)
    p.start()
    p.join()
    print(p.exitcode)
