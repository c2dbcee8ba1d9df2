class Registry(type):
    def __eq__(cls, other):
        return True
