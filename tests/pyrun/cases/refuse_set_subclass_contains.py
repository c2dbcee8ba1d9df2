class Tags(set):
    def __contains__(self, tag):
        return set.__contains__(self, tag.lower())


print("Python" in Tags({"python"}))
