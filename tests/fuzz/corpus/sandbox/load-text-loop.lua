-- Text chunks are allowed, and run under the same budget.
local f = assert(load("while true do end", "=inner"))
f()
