# Exceptions raised while handling others, and the pieces
# traceback.format_exception() returns for them: the chain, chain=False and
# limit= trimming every traceback of the chain.
import sys
import traceback


def clean(text):
    return text.replace(__file__, "config.py")


def read_port(settings):
    try:
        return int(settings["port"])
    except KeyError as missing:
        raise LookupError("no port configured") from missing


def connect(settings):
    port = read_port(settings)
    return f"connected on {port}"


for settings in [{"port": "8080"}, {}, {"port": "http"}]:
    try:
        print(connect(settings))
    except Exception as exc:
        pieces = traceback.format_exception(exc)
        print(len(pieces), "pieces")
        for piece in pieces:
            print(repr(clean(piece)))
        print("chain=False:", len(traceback.format_exception(exc, chain=False)))
        print(clean("".join(traceback.format_exception(exc, limit=1))), end="")
        print(clean("".join(traceback.format_exception(exc, limit=-1, chain=False))), end="")


def cleanup():
    raise OSError("disk full while cleaning up")


try:
    try:
        {}["session"]
    except KeyError:
        cleanup()
except OSError:
    out = traceback.format_exc()
    print(out.count("Traceback"), "tracebacks")
    print(clean(out), end="")
    etype, value, tb = sys.exc_info()
    print(traceback.format_exception(etype, value, tb) == traceback.format_exception(value))
    print(clean(traceback.format_exc(chain=False)), end="")
