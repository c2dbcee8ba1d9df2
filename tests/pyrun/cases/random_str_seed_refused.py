import random
random.seed("abc")
