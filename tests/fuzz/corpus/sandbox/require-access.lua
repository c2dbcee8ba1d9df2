return require("os")
