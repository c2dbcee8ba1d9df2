import json
json.loads("[1]", object_hook=dict)
