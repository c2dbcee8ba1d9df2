# Refused honestly: what the model of queue does not state.
import queue
q = queue.Queue()
q.put("job")
print(q.get(), q.empty())
s = queue.SimpleQueue()
