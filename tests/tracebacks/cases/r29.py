print(int('3') + int('x'))
