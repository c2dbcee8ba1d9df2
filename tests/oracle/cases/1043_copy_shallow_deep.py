import copy, sys
a = [[1, 2], [3, 4]]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(99)
print(a, b, c)
print(a[0] is b[0], a[0] is c[0], sys.getrefcount(a[0]))
class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __repr__(self):
        return f"Node({self.val}, {self.children})"
root = Node(1, [Node(2), Node(3)])
root2 = copy.deepcopy(root)
root2.children[0].val = 20
print(root, root2)
d = {'k': [1, 2]}
d2 = dict(d)
d3 = copy.deepcopy(d)
d['k'].append(3)
print(d2, d3)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc)
t = (1, 2, (3, 4))
print(copy.deepcopy(t) is t, copy.copy([1]) == [1])
