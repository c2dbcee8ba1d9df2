class Fixed(dict):
    def __getitem__(self, key):
        return 0


print(Fixed()["x"])
