# How big is a copied object's __dict__?  A shallow copy keeps sharing the
# class's keys; a deep copy gets its state from a fresh dict.
import copy
import sys
import gc


class Sensor:
    def __init__(self, name, readings):
        self.name = name
        self.readings = readings


probe = Sensor("t1", [20.5, 21.0])
print(sys.getsizeof(vars(probe)))
gc.collect()
shallow = copy.copy(probe)
print(gc.get_count())
print(sys.getsizeof(vars(shallow)), gc.is_tracked(vars(shallow)))
shallow.unit = "C"
print(sys.getsizeof(vars(shallow)))

deep = copy.deepcopy(probe)
print(sys.getsizeof(vars(deep)), deep.readings == probe.readings)
deep.unit = "C"
print(sys.getsizeof(vars(deep)), sys.getsizeof(deep) == sys.getsizeof(probe))
print(sys.getrefcount(probe.readings), sys.getrefcount(deep.readings))

gc.collect()
again = copy.copy(probe)
print(gc.get_count())
sensors = copy.deepcopy([probe, probe])
print(sensors[0] is sensors[1], sensors[0].readings is probe.readings)
gc.collect()
print(gc.get_count())
