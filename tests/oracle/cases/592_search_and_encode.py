# Searching inside strings and turning them into bytes.
import sys

log = "2024-01-05 ERROR disk full; 2024-01-06 ERROR disk full again"
print(log.find("ERROR"), log.rfind("ERROR"), log.count("disk"), log.find("WARN"))
print(log.index("disk", 20), log.count("ERROR", 0, 30), log.find("full", -10))
print("aaaa".count("aa"), "abc".count(""), "abc".find("", 10), "abc".rfind(""))
key, sep, value = "timeout = 30".partition(" = ")
print(key, sep, value)
print("path/to/file.txt".rpartition("/"), "plain".partition(":"), "plain".rpartition(":"))
print("report.final.pdf".removesuffix(".pdf"), "v1.2".removeprefix("v"), "abc".removeprefix("x"))
try:
    log.index("WARN")
except ValueError as e:
    print("ValueError:", e)

table = "name\tqty\tprice\nbolt\t10\t0.25"
print(table.expandtabs(10))
print("a\tb".expandtabs(), "a\tb".expandtabs(tabsize=2), "no tabs".expandtabs())

data = "hello, world".encode()
print(data, type(data).__name__, len(data), sys.getsizeof(data))
print("naïve".encode("utf-8"), len("naïve".encode("utf-8")), "plain".encode("ascii"))
print("déjà".encode("latin-1"), sys.getsizeof("déjà".encode("latin-1")), "".encode())
print("text".isalpha(), "42".isdigit(), "4 2".isdigit(), "x1".isalnum(), "\n ".isspace(), "".isspace())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "not Title".istitle(), "var_1".isidentifier())
print("3.5".isdecimal(), "35".isnumeric(), "ok".isascii(), "é".isascii(), "tab\t".isprintable())
