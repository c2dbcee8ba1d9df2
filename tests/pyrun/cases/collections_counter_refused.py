from collections import deque, Counter
