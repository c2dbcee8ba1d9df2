class Config(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no setting {name!r}") from None


cfg = Config(host="localhost")
print(cfg.host)
print(cfg.port)
