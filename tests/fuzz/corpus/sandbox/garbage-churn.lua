-- Lots of garbage but little live data: the cap is on live bytes, so this
-- must end by the instruction budget, not the memory limit.
local keep
for i = 1, 1e9 do
    keep = { i, i + 1, tostring(i) }
end
