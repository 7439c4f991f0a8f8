print("callboard")
