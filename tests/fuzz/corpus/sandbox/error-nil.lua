-- An error object that is nil.
error(nil)
