class Registry(type):
    def __repr__(cls):
        return "<registry>"
