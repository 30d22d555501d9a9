print("securecookie")
