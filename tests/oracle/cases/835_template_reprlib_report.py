from string import Template
import reprlib

row = Template("$name scored ${score} points ($pct%)")
results = {"ada": [90, 85, 77, 92, 88, 79, 95, 81], "bob": [60, 72], "cy": list(range(40, 100, 3))}
short = reprlib.Repr()
short.maxlist = 3
for name, scores in results.items():
    line = row.substitute(name=name.title(), score=sum(scores), pct=round(sum(scores) / len(scores)))
    print(line, "from", short.repr(scores))
partial = row.safe_substitute(name="Dee")
print(partial, Template(partial).get_identifiers())
print(reprlib.repr(results))
try:
    row.substitute({"name": "Eve", "score": 1})
except KeyError as missing:
    print("missing placeholder:", missing)
