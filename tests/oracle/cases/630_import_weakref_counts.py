# Importing weakref runs weakref.py: its classes and functions are
# objects, and the young generation's count shows them.  The import
# leaves no garbage behind on 3.11 and 3.12; 3.13 leaves a little.
import gc

gc.collect()
import weakref
print(gc.get_count())
print(gc.collect())
print(gc.get_count())
import weakref
print(gc.get_count())
