"""The command line's help panels and usage errors in Vietnamese (typer writes them in English): panel
titles, "[bắt buộc]", "[mặc định: …]", the --help line, the "Gõ '… --help'" hint, and the message of a
missing, unknown or invalid parameter. Texts come from the message catalogue."""
from __future__ import annotations

import re

import typer.rich_utils as typer_help
from typer import core as typer_core

from .messages import say

# click's English texts of the other usage errors → the catalogue's codes (named groups fill them in)
_CLICK_TEXTS = ((re.compile(r"unexpected extra arguments?(?:\(s\))? \((?P<arguments>.*)\)"), "cli_extra_arguments"),
                (re.compile(r"No such command '(?P<command>[^']*)'"), "cli_no_such_command"),
                (re.compile(r"Option (?P<option>'[^']*') requires"), "cli_needs_value"),
                (re.compile(r"Option (?P<option>'[^']*') does not take a value"), "cli_takes_no_value"))
_SUGGESTION = re.compile(r"Did you mean '(?P<suggestion>[^']*)'")


def use_vietnamese() -> None:
    """Put the Vietnamese texts in typer's help and error formatting (idempotent)."""
    typer_help.ARGUMENTS_PANEL_TITLE = say("cli_arguments_panel")
    typer_help.OPTIONS_PANEL_TITLE = say("cli_options_panel")
    typer_help.COMMANDS_PANEL_TITLE = say("cli_commands_panel")
    typer_help.ABORTED_TEXT = say("cli_aborted")
    typer_help.ERRORS_PANEL_TITLE = say("cli_error")
    typer_help.REQUIRED_LONG_STRING = say("cli_required")
    typer_help.DEFAULT_STRING = say("cli_default", value="{}")
    typer_help.ENVVAR_STRING = say("cli_env_var", value="{}")
    typer_help.DEPRECATED_STRING = say("cli_deprecated")
    typer_help.RICH_HELP = say("cli_try_help", command="{command_path}", option="{help_option}")
    if not getattr(typer_help.rich_format_error, "vietnamese", False):
        typer_help.rich_format_error = _in_vietnamese(typer_help.rich_format_error)
    command = typer_core._click.Command                     # the click Command typer's commands and groups build on
    if not getattr(command.get_help_option, "vietnamese", False):
        command.get_help_option = _help_option_in_vietnamese(command.get_help_option)


def usage_message(error: Exception) -> str:
    """The Vietnamese message of a usage error (missing, unknown or invalid parameter, extra arguments)."""
    kind, param = type(error).__name__, getattr(error, "param", None)
    name = param.get_error_hint() if param is not None else ""
    if kind == "MissingParameter":
        code = "cli_missing_argument" if getattr(param, "param_type_name", "") == "argument" else "cli_missing_option"
        return say(code, name=name)
    if kind == "NoSuchOption":
        text = say("cli_no_such_option", option=error.option_name)
        options = sorted(error.possibilities or ())
        return f"{text} {say('cli_did_you_mean', options=', '.join(options))}" if options else text
    if kind == "BadParameter" and param is not None:
        allowed = _allowed(param)
        return f"{say('cli_bad_value', name=name)} {allowed}".strip()
    return _from_click_text(getattr(error, "message", str(error)))


def _from_click_text(detail: str) -> str:
    """Another usage error, from click's English text: its Vietnamese message and click's suggestion."""
    text = next((say(code, **found.groupdict()) for pattern, code in _CLICK_TEXTS
                 if (found := pattern.search(detail)) is not None), None)
    if text is None:
        return say("cli_usage_other", detail=detail)
    suggestion = _SUGGESTION.search(detail)
    return f"{text} {say('cli_did_you_mean', options=suggestion.group('suggestion'))}" if suggestion else text


def _allowed(param) -> str:
    """What the parameter takes: its choices, or a number in its range ("" when neither)."""
    described = getattr(param, "type_descriptor", None)
    values = [getattr(c, "value", c) for c in getattr(described, "choices", None) or ()]
    if values:
        return say("cli_choose_one", choices=", ".join(map(str, values)))
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None or high is not None:
        code = "cli_number_between" if low is not None and high is not None else \
            "cli_number_from" if low is not None else "cli_number_to"
        return say(code, min=low, max=high)
    return say("cli_number") if getattr(described, "annotation", None) in (int, float) else ""


def _in_vietnamese(format_error):
    def rich_format_error(error) -> None:
        if type(error).__name__ != "NoArgsIsHelpError" and hasattr(error, "ctx"):
            message = usage_message(error)
            error.format_message = lambda: message
        format_error(error)
    rich_format_error.vietnamese = True
    return rich_format_error


def _help_option_in_vietnamese(get_help_option):
    def get_vietnamese_help_option(self, ctx):
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = say("cli_help_option")
        return option
    get_vietnamese_help_option.vietnamese = True
    return get_vietnamese_help_option
