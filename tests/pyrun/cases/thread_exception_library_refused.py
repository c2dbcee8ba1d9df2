import json
import threading

def load(text):
    return json.loads(text)

t = threading.Thread(target=load, args=("{bad",))
t.start()
t.join()
print("after")
