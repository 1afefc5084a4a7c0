"""`rasoat serve` is registered and documents its options."""
from __future__ import annotations

from typer.testing import CliRunner

from service.cli import app


def test_serve_command_help():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "--workers" in result.output
