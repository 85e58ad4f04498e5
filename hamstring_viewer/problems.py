"""Problems found while loading the knowledge base or the plate."""

from __future__ import annotations

from hamstring_viewer.fastrecord import record


@record
class Problem:
    """One thing wrong with the content, located as precisely as the format allows."""

    file: str
    message: str
    record: str = ""
    field: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.record:
            parts.append(f"record '{self.record}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the content:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
