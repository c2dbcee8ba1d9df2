total_requests = 0
config = {"debug": False}


def handle(request):
    global total_requests
    total_requests += 1
    config["debug"] = request == "debug"
    return f"handled {request}"


print(handle("index"), handle("debug"))
print(total_requests, config)


def outer():
    level = "outer"

    def middle():
        level = "middle"

        def inner():
            nonlocal level
            level = "changed by inner"
        inner()
        return level

    result = middle()
    return level, result


print(outer())

def broken():
    try:
        total_requests += 1
    except UnboundLocalError as e:
        print(type(e).__name__ + ":", e)

broken()
