print("total" total)
