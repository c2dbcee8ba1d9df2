class Fixed(dict):
    def __len__(self):
        return 0


print(len(Fixed(a=1)))
