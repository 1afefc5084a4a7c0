"""Helpers: build tasks with the fields the pipeline would have filled."""
import pytest

from service.document import Body, Deadline, Output, Target, Task


def make_task(text: str, start: int = 100, lead: str | None = None, deadline: str | None = None,
              target: str | None = None, output: str | None = None, inherited_lead: str | None = None) -> Task:
    """A task at `start` whose lead, deadline, target and output are the given substrings of `text`."""

    def span(part: str) -> tuple[int, int]:
        i = text.index(part)
        return start + i, start + i + len(part)

    task = Task(id="t1", text=text, start=start, end=start + len(text))
    if lead:
        s, e = span(lead)
        task.lead = [Body(name=lead, start=s, end=e)]
    if inherited_lead:
        task.lead = [Body(name=inherited_lead, start=0, end=len(inherited_lead))]
    if deadline:
        s, e = span(deadline)
        task.deadline = Deadline(text=deadline, char_start=s, char_end=e)
    if target:
        s, e = span(target)
        task.targets = [Target(text=target, start=s, end=e)]
    if output:
        s, e = span(output)
        task.output = Output(text=output, start=s, end=e)
    return task


@pytest.fixture
def task():
    return make_task
