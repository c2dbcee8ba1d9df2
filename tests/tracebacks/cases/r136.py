# print_exception of a chained exception, then with chain=False and
# limit=1, then the uncaught one the interpreter prints itself.
import traceback


class ConfigError(Exception):
    pass


def load(settings):
    try:
        return settings["path"]
    except KeyError as err:
        raise ConfigError("path missing") from err


try:
    load({})
except ConfigError as exc:
    traceback.print_exception(exc)
    traceback.print_exception(exc, chain=False)
    traceback.print_exc(limit=1)

load({})
