import gc
import weakref


class TreeNode:
    def __init__(self, value, parent=None):
        self.value = value
        self.children = []
        self._parent = weakref.ref(parent) if parent is not None else None
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self):
        return self._parent() if self._parent is not None else None

    def path(self):
        node, parts = self, []
        while node is not None:
            parts.append(str(node.value))
            node = node.parent
        return "/".join(reversed(parts))


gc.collect()
root = TreeNode("root")
usr = TreeNode("usr", root)
lib = TreeNode("lib", usr)
TreeNode("bin", root)
print(lib.path(), [c.value for c in root.children])
probe = weakref.ref(usr)
del usr, lib
print(probe() is not None)
del root
print("freed without gc:", probe() is None, gc.collect())
