# What importing textwrap (and the re module it needs) costs the collector
# from a clean start; after a dedent() the collector finds nothing left.
import gc
import sys

gc.collect()
import textwrap
print(gc.get_count())
print(gc.collect())
doc = textwrap.dedent("""
    First line.
      Second, further in.
    Third.
""")
print(doc, sys.getsizeof(doc))
gc.collect()
print(gc.get_count(), gc.collect())
