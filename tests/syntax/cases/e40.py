mode = 0755x
