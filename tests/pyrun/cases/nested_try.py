# Nine nested try blocks run as in CPython (no run-time limit of eight).
def deep():
    try:
        try:
            try:
                try:
                    try:
                        try:
                            try:
                                try:
                                    try:
                                        raise KeyError('deepest')
                                    except ValueError:
                                        print('wrong handler 9')
                                except ValueError:
                                    print('wrong handler 8')
                            except ValueError:
                                print('wrong handler 7')
                        except ValueError:
                            print('wrong handler 6')
                    except ValueError:
                        print('wrong handler 5')
                except ValueError:
                    print('wrong handler 4')
            except ValueError:
                print('wrong handler 3')
        except ValueError:
            print('wrong handler 2')
    except ValueError:
        print('wrong handler 1')


try:
    deep()
except KeyError as e:
    print('caught', e)
except SyntaxError as e:
    print('SyntaxError', e)
for i in range(3):
    try:
        try:
            if i == 1:
                continue
            print('body', i)
        finally:
            pass
    except Exception:
        pass
print('done')
