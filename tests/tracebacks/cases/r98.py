# '**' after the bases of a class must be a mapping.
options = ["sides", 3]


class Shape(object, **options):
    pass
