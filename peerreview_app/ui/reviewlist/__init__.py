"""The review list: the first screen of the app, with search, filters and the actions on whole reviews."""
