# A built-in method stored in a class body: fine on a list subclass,
# a TypeError through an instance of a plain class (the descriptor
# binds only to its own type).
class Stack(list):
    push = list.append

class Recorder:
    record = list.append
    shout = str.upper

s = Stack()
s.push("a")
s.push("b")
print(s, len(s), Stack.push)

r = Recorder()
for attempt in range(2):
    try:
        r.record("entry")
    except TypeError as e:
        print(attempt, e)
print(Recorder.shout("hi"))
print(getattr(r, "missing", "default"))
try:
    r.shout()
except TypeError as e:
    print(e)
print(hasattr(r, "record"))
