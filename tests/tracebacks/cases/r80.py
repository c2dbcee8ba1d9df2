# An uncaught RecursionError under a limit of 5000: the repeated lines
# folded, the frames above the repeat, the last one's caret line.
import sys


def walk(node, depth):
    return walk(node, depth + 1) + 1


def start():
    return walk(None, 0)


sys.setrecursionlimit(5000)
start()
