def singleton(cls):
    instances = {}

    def get_instance(*args, **kwargs):
        if cls not in instances:
            instances[cls] = cls(*args, **kwargs)
        return instances[cls]
    return get_instance


@singleton
class Config:
    def __init__(self, env="dev"):
        self.env = env
        self.values = {}


a = Config("prod")
b = Config("test")
a.values["debug"] = False
print(a is b, b.env, b.values)
print(type(Config).__name__)
