-- pcall catches the limit error; the sticky hook must raise again at once.
while true do
    pcall(function()
        while true do end
    end)
end
