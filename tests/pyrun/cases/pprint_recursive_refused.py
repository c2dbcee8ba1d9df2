import pprint
a = [1]
a.append(a)
pprint.pprint(a)
