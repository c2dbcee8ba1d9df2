def make(default):
    class Config:
        value = default
    return Config
print(make(3).value)
