nums = [1, 2, 3, 4]
print("  x  ".strip(), "--y--".strip("-"))
nums[1:3] = [9]
print(nums)
