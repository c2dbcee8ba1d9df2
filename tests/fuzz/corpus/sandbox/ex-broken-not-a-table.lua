-- Returns a string instead of the exercise table.
local title = "Forgot the braces"
return title
