# A required keyword-only argument of __init_subclass__ left out.
class Table:
    def __init_subclass__(cls, *, table_name):
        cls.table_name = table_name


class Users(Table, table_name="users"):
    pass


class Orders(Table):
    pass
