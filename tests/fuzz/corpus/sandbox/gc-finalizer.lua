-- An endless __gc: finalizers run with hooks off, so lua_close would hang.
setmetatable({}, { __gc = function()
    while true do end
end })
collectgarbage()
return "armed"
