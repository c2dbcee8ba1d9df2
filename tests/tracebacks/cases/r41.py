print(int(3.5) + 'a')
