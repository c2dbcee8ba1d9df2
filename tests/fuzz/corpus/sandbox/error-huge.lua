-- An error message of a megabyte.
error(string.rep("x", 1 << 20))
