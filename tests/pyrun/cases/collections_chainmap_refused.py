from collections import deque, ChainMap
