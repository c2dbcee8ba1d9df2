try:
    {}['k']
except KeyError as e:
    raise RuntimeError('bad') from e
