def on_save():
    pass


def on_load():
    pass


handlers = {on_save, on_load}
print(on_save in handlers, len(handlers))
print(handlers)
