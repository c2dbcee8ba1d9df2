settings = {"host": "localhost", "port": 8080}
timeout = settings["host"] + \
    settings["port"]
