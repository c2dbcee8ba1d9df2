settings = {"debug": True}
print("defining")


class Config(settings):
    pass
