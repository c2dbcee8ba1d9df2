# A custom exception hierarchy, as books write it.
import sys


class AppError(Exception):
    """Base class for this application's errors."""


class ConfigError(AppError):
    def __init__(self, key, message):
        super().__init__(message)
        self.key = key


class NetworkError(AppError):
    def __init__(self, host, retries=3):
        super().__init__(f"cannot reach {host}")
        self.host = host
        self.retries = retries


def check(settings):
    if "port" not in settings:
        raise ConfigError("port", "missing port")
    return settings["port"]


try:
    check({"host": "example.org"})
except AppError as e:
    print(type(e).__name__, e.key, str(e), repr(e), e.args)
    print(e.__dict__)
    print(isinstance(e, ConfigError), isinstance(e, Exception))

n = NetworkError("db.local")
print(n, n.args, n.retries, sorted(n.__dict__))
print(sys.getsizeof(n), sys.getsizeof(ValueError("x")), sys.getsizeof(AppError()))
print(AppError().args, str(AppError()), repr(AppError()))
k = KeyError("missing")
print(str(k), repr(k), k.args)
m = ValueError("a", 2)
print(str(m), repr(m))
m.args = ["only"]
print(m.args, str(m))
print(ValueError("x").__dict__, ValueError().__suppress_context__)
