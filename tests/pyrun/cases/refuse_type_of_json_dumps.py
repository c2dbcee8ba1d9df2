# json.dumps, dataclasses.field, statistics.mean ... are Python functions in
# CPython (Lib/json/__init__.py ...); the model runs them as built-ins, so
# their type is refused rather than called builtin_function_or_method.
import json, statistics
print(json.dumps([1, 2]), statistics.mean([1, 2, 3]))
print(type(json.dumps))
