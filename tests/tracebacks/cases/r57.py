# an attribute the built-in type does not have, set on one of its objects
scores = [70, 85]
scores.averge = sum(scores) / len(scores)
