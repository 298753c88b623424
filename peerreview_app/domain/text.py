"""Bilingual texts: Dutch is the primary language, English the second."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Language(StrEnum):
    """A language the interface and the reports can be written in."""

    NL = "nl"
    EN = "en"


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """A text in Dutch with its English translation."""

    nl: str
    en: str = ""

    def get(self, language: Language | str) -> str:
        """The text in `language`, falling back to Dutch where no translation exists."""
        if Language(language) is Language.EN and self.en:
            return self.en
        return self.nl

    def to_dict(self) -> dict[str, str]:
        return {"nl": self.nl, "en": self.en}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> LocalizedText:
        return cls(nl=data["nl"], en=data.get("en", ""))
