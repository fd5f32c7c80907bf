"""The house kit every app builds on: views, API, history, periods, registries. Imports no app."""
