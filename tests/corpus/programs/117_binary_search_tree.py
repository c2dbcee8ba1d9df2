class BST:
    class _Node:
        def __init__(self, key):
            self.key = key
            self.left = self.right = None

    def __init__(self):
        self.root = None
        self.count = 0

    def insert(self, key):
        if self.root is None:
            self.root = self._Node(key)
        else:
            node = self.root
            while True:
                side = "left" if key < node.key else "right"
                child = getattr(node, side)
                if child is None:
                    setattr(node, side, self._Node(key))
                    break
                node = child
        self.count += 1

    def inorder(self, node="start"):
        node = self.root if node == "start" else node
        if node:
            yield from self.inorder(node.left)
            yield node.key
            yield from self.inorder(node.right)

    def height(self, node="start"):
        node = self.root if node == "start" else node
        return 0 if node is None else 1 + max(self.height(node.left), self.height(node.right))

    def __contains__(self, key):
        node = self.root
        while node and node.key != key:
            node = node.left if key < node.key else node.right
        return node is not None


t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35]:
    t.insert(k)
print(list(t.inorder()), t.count, t.height())
print(35 in t, 36 in t)
