queue = ["ann", "bob", "cy"]
queue.insert(0, "zed")
queue.insert(100, "last")
queue.insert(-1, "pen")
print(queue)
queue.remove("bob")
print(queue, queue.index("cy"), queue.count("ann"))
try:
    queue.remove("nobody")
except ValueError as e:
    print("ValueError:", e)
nums = [5, 3, 8, 1, 9, 2]
backup = nums.copy()
nums.sort()
print(nums, backup)
nums.reverse()
print(nums)
nums[1:3] = [70, 71, 72]
print(nums)
del nums[::2]
print(nums)
nums.extend(range(3))
nums += [100]
print(nums, len(nums), nums[-2:], nums[:2])
print(nums.pop(), nums.pop(0), nums)
print([1, 2] * 2, [[]] * 2, [0] + [1], 3 in [1, 2, 3], [1, 2] < [1, 3])
print(list("abc"), list(range(3, 0, -1)), sorted([3, 1, 2], reverse=True))
