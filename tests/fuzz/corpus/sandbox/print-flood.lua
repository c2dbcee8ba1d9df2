-- Printing forever.
while true do
    print(string.rep("y", 100))
end
