from typing import List
print(isinstance([], List))
