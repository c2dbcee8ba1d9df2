-- string.format doubling a string until memory runs out.
local s = string.rep("x", 1 << 16)
while true do
    s = string.format("%s%s", s, s)
end
