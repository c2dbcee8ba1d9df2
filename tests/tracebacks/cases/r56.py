# a parenthesized part starts the operation it is the left side of
totals = (3 + 4) * 2
ratio = (totals - 14) and (totals / (totals - 14)) or (totals + 1) / (totals - 14)
