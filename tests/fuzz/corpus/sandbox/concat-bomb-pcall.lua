-- Memory bomb through concatenation, caught by pcall, then endless work:
-- the first limit crossed is what the run reports.
pcall(function()
    local s = "x"
    while true do s = s .. s end
end)
while true do end
