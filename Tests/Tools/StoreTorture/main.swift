import CallboardStore

print("store-torture")
