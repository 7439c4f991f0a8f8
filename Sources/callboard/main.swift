Callboard.main()
