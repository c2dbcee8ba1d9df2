# Wrong: the temporaries are never made (only their count is printed): little
# memory is used, but this is not the starter's work any more.
keep = []
for i in range(40000):
    keep.append(bytes(8))
temp = []
print(len(keep), "keepers,", 2 * len(keep), "temporaries")
temp = None
print(len(keep), "keepers left")
