-- Moving 2^50 nils: no allocation, no hook, just a very long C loop.
table.move({}, 1, 1 << 50, 2)
