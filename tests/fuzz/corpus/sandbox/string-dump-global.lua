-- string.dump through the library table.
return string.dump(function() return 1 end)
