"""Packages: everything under service/, plus models/ installed as `service.models` (the model
catalogue and converters must be found after a plain wheel install). Metadata is in pyproject.toml."""
from setuptools import find_packages, setup

setup(packages=find_packages(include=["service*"]) + ["service.models"],
      package_dir={"service.models": "models"})
