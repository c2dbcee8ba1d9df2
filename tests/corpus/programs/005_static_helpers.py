class MathUtils:
    PI = 3.14159

    @staticmethod
    def add(a, b):
        return a + b

    @staticmethod
    def clamp(value, low, high):
        return max(low, min(value, high))

    @classmethod
    def circle_area(cls, r):
        return round(cls.PI * r * r, 3)


print(MathUtils.add(2, 3))
print(MathUtils().add(10, -4))
print([MathUtils.clamp(v, 0, 10) for v in (-5, 5, 50)])
print(MathUtils.circle_area(2))
sm = MathUtils.__dict__["add"]
print(type(sm).__name__, callable(sm))
print(MathUtils.__dict__["circle_area"].__func__.__name__)
