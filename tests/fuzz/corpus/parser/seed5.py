type X[T: int = str] = list[T]
f'{'\n'.join(f"{a}" for a in b) # c
}'
