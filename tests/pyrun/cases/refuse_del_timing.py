# Finalizers of cyclic garbage run when a collection finds the cycle: with
# no gc.collect() first, how many have run by the end of the loop depends on
# the count CPython's compiler left, which is not the model's to tell.
closed = 0


class Resource:
    def __init__(self, name):
        self.name = name
        self.me = self          # a cycle: only the collector frees it

    def __del__(self):
        global closed
        closed += 1


for i in range(3000):
    Resource(i)
print("closed so far:", closed)
