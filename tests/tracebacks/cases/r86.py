def tidy():
    temp = [1, 2]
    del temp
    del temp
tidy()
