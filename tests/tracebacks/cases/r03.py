d = {}
x = d['missing'] + 1
