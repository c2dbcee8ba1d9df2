# traceback.print_exc() in an except block writes the handled exception to
# stderr, as Lib/traceback.py formats it; the program then fails for real.
import traceback


def parse(text):
    return int(text)


for text in ["7", "seven"]:
    try:
        print(parse(text))
    except ValueError:
        traceback.print_exc()

scores = {"ana": 90}
total = scores["ben"] + 1
