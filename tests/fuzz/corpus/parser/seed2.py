match p:
    case {"k": [1, *r]} | Point(x=0) as q if q:
        pass
