class ConfigError(Exception):
    pass


def load_port(settings):
    try:
        return int(settings["port"])
    except KeyError as e:
        raise ConfigError("missing port") from e
    except ValueError as e:
        raise ConfigError(f"bad port {settings['port']!r}") from None


for settings in [{"port": "8080"}, {}, {"port": "http"}]:
    try:
        print("port", load_port(settings))
    except ConfigError as err:
        cause = err.__cause__
        print("ConfigError:", err, "| cause:", repr(cause),
              "| suppress:", err.__suppress_context__)
