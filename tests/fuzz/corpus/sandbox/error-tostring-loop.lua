-- An error object whose __tostring never returns: the message handler
-- calls it, still under the hook.
error(setmetatable({}, { __tostring = function()
    while true do end
end }))
