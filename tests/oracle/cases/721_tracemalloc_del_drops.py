# Deleting the only reference gives the memory back at once
import tracemalloc

tracemalloc.start()
words = ["word%d" % i * 4 for i in range(2000)]
with_words, _ = tracemalloc.get_traced_memory()
del words
without, peak = tracemalloc.get_traced_memory()
print(with_words, without, peak)
print("freed:", with_words - without)
tracemalloc.stop()
