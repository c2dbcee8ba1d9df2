import threading
def hook(args):
    print(args.exc_type.__name__, args.thread.name)
    print(args.exc_traceback.tb_frame.f_code.co_name)
threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name="w")
t.start()
t.join()
