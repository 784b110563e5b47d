"""The HTTP API (FastAPI) and the `kiruna-bot` command line. Imports `bot`, `index`, `corpus`."""
