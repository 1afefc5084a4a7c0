"""The REST API (FastAPI, under /v1): `from service.api.app import create_app`."""
