# A list used as a queue: how its allocation follows append, pop, del and
# remove. 3.13's `del lst[i]` moves the items down and keeps the room; pop()
# and remove() still give memory back.
import sys

def sizes(label, steps):
    print(label, " ".join(str(s) for s in steps))

queue = list(range(32))
seen = []
while len(queue) > 4:
    del queue[0]
    seen.append(sys.getsizeof(queue))
sizes("del [0]:", seen)

queue = list(range(32))
seen = []
while len(queue) > 4:
    queue.pop(0)
    seen.append(sys.getsizeof(queue))
sizes("pop(0): ", seen)

queue = list(range(32))
seen = []
while len(queue) > 4:
    queue.remove(queue[-1])
    seen.append(sys.getsizeof(queue))
sizes("remove: ", seen)

stack = []
for i in range(20):
    stack.append(i)
grown = sys.getsizeof(stack)
del stack[-1]
del stack[5]
print(grown, sys.getsizeof(stack), len(stack))
del stack[:12]
print(sys.getsizeof(stack), stack)
