-- Give _ENV a metatable that looks things up elsewhere.
setmetatable(_ENV, { __index = function(_, k)
    return rawget(_G, k)
end })
return os.getenv("HOME")
