import json
settings = '{"debug": true,}'
print("loading")
config = json.loads(settings)
print(config)
