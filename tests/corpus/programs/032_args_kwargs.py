def describe(*args, **kwargs):
    print("args:", args)
    print("kwargs:", kwargs)


describe()
describe(1, 2, 3)
describe(a=1, b=2)
describe(1, "two", three=3)

numbers = [4, 5, 6]
options = {"sep": " | ", "end": " <<\n"}
print(*numbers, **options)

def total(first, *rest):
    return first + sum(rest)

print(total(1), total(1, 2, 3), total(*range(10)))

def make_tag(tag, content, **attrs):
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f"<{tag}{extra}>{content}</{tag}>"

print(make_tag("a", "link", href="/home", title="Home"))
print(make_tag(**{"tag": "p", "content": "text"}))
first, *middle, last = "python"
print(first, middle, last)
