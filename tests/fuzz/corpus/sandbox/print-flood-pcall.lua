-- Printing forever, each print inside pcall: the output limit is sticky.
for i = 1, 1e9 do
    pcall(print, string.rep("y", 100))
end
return "done"
