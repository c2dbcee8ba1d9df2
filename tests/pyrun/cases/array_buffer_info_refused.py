import array
samples = array.array("d", [0.5, 1.5])
print(len(samples))
address, length = samples.buffer_info()
print(length)
