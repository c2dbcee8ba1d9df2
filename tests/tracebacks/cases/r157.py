# A nested dict updated over several lines: the statement spans them.
scores = {"ann": {"math": 90}}
scores["ann"]["art"] += (
    10
)
