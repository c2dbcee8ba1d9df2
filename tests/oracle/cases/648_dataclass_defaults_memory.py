# Where a dataclass keeps its defaults: plain defaults stay on the class,
# factories make one object per instance.
import sys
from dataclasses import dataclass, field


@dataclass
class Config:
    name: str
    retries: int = 3
    hosts: list = field(default_factory=list)
    verbose: bool = False


print(Config.retries, Config.verbose, hasattr(Config, "hosts"))
a = Config("a")
b = Config("b", hosts=["h1"])
print(a, b)
print(a.hosts is b.hosts, a.retries is b.retries)
print(sys.getsizeof(a), sys.getsizeof(a.hosts), sys.getsizeof(b.hosts))
a.retries = 5
print(a.retries, Config.retries, b.retries)
configs = [Config(str(i)) for i in range(3)]
print(len({id(c.hosts) for c in configs}))
