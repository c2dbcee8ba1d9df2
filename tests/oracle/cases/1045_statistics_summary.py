import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data))
print(st.pstdev(data), st.stdev(data), st.variance(data), st.pvariance(data))
print(st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mean([1.5, 2.5, 3.25]), st.fmean([1, 2, 3, 4]))
print(st.multimode('aabbbcccc'), st.multimode([1, 1, 2, 2]))
try:
    st.mean([])
except st.StatisticsError as e:
    print("error:", e)
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104]
print([round(q, 1) for q in st.quantiles(data, n=10)])
print(st.quantiles(data), st.quantiles(data, method='inclusive'))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4), st.quantiles([1.5, 2.5, 10], n=3))
print(st.quantiles(range(10), n=5, method='inclusive'), st.quantiles([3, 1], n=2))
print(st.quantiles([True, False, 2.0, 7], n=3), st.quantiles([1, 2], n=1))
for bad in ([], [5]):
    try:
        print(st.quantiles(bad))
    except st.StatisticsError as e:
        print("error:", e)
try:
    st.quantiles([1, 2], n=0)
except st.StatisticsError as e:
    print(e)
try:
    st.quantiles([1, 2, 3], method='median')
except ValueError as e:
    print(e)
