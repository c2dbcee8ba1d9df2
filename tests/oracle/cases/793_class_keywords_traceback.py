# An __init_subclass__ that rejects a keyword: the traceback goes through
# the class statement's line into the hook.
class Validated:
    def __init_subclass__(cls, /, table=None, **kwargs):
        if table is None:
            raise ValueError(f"{cls.__name__} needs a table")
        super().__init_subclass__(**kwargs)
        cls.table = table

class User(Validated, table="users"): pass
print(User.table)
class Broken(Validated, tabel="typo"): pass
