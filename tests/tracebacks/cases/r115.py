# A heap of ints meets a str: _heapq's C sift loop raises the comparison's
# TypeError at the call, no frame of its own in the traceback.
import heapq

scores = [40, 10, 30]
heapq.heapify(scores)
heapq.heappush(scores, 20)
heapq.heappush(scores,
               "fifty")
