class Tags(set):
    pass


print(Tags({1, 2}))
