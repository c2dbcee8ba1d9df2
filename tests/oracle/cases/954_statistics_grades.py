# A grade book: the class average, the middle and most common marks, how
# spread out they are, per test and over the term.
import statistics

tests = {
    "quiz 1": [72, 85, 90, 66, 85, 78, 94, 85, 59, 81],
    "midterm": [68.5, 74.0, 91.5, 88.0, 55.5, 79.0, 83.5, 70.0],
    "final": [81, 77, 95, 62, 88, 90, 73, 84, 79],
}

for name, marks in tests.items():
    avg = statistics.mean(marks)
    print(f"{name:8} mean={avg} median={statistics.median(marks)}")
    print(f"         low={statistics.median_low(marks)} high={statistics.median_high(marks)}")
    print(f"         stdev={statistics.stdev(marks):.4f} pstdev={statistics.pstdev(marks):.4f}")
    print("        ", statistics.stdev(marks), statistics.variance(marks))
    print("        ", statistics.pvariance(marks), statistics.fmean(marks))
    print("         type of mean:", type(avg).__name__)

quiz = tests["quiz 1"]
print("most common:", statistics.mode(quiz), statistics.multimode(quiz))
top = max(quiz)
print("above average:", [m for m in quiz if m > statistics.mean(quiz)])
everything = [m for marks in tests.values() for m in marks]
print(len(everything), statistics.mean(everything), statistics.stdev(everything))
print(statistics.mean([90, 80]), statistics.mean([90, 81]), statistics.variance([1, 2, 3, 4, 5]))
print(statistics.mean([0.1, 0.2, 0.3]), sum([0.1, 0.2, 0.3]) / 3)
print(statistics.median([3, 1, 4, 1, 5, 9, 2, 6]), statistics.median((7, 1.5)))

letters = ["B", "A", "C", "B", "A", "B", "D"]
print(statistics.mode(letters), statistics.multimode(letters), statistics.multimode("aabbc"))

for bad in ([], [42]):
    try:
        print(statistics.stdev(bad))
    except statistics.StatisticsError as err:
        print("StatisticsError:", err)
try:
    statistics.mean([])
except ValueError as err:
    print(type(err).__name__, repr(err))
