# a literal indexed by a float: warned at compile time, a TypeError at run time
grid = "xo."[1.0]
