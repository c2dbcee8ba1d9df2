-- The plainest endless loop: the instruction budget must end it.
local n = 0
while true do
    n = n + 1
end
