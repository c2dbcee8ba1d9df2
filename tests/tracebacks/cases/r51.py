def load(config):
    return config[
        "database"
    ][
        "url"
    ]


print(load({"database": {}}))
