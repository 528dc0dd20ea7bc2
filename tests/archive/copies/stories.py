"""Made-up stories and their copies, shared by the copies tests."""

from __future__ import annotations

STORY = (
    "Foreign Minister Amina Rahman of Valdoria met her Kestrian counterpart Petr Novak in "
    "Geneva on Tuesday to discuss the reopening of the northern border crossings.\n\n"
    "The two ministers agreed to form a joint commission on trade and transit, which will "
    "meet for the first time in March and report to both governments within six months.\n\n"
    "Rahman said the talks had been frank and constructive, and that Valdoria was ready to "
    "restore direct flights between the two capitals before the end of the year.\n\n"
    "Novak thanked the Swiss authorities for hosting the meeting and said Kestria would "
    "release the remaining detained fishermen as a gesture of goodwill.\n\n"
    "The ministers will meet again in Vienna after the commission's first session."
)
# The same template, another meeting: not a copy.
SIBLING = (
    "Foreign Minister Amina Rahman of Valdoria met her Osterian counterpart Lena Berg in "
    "Oslo on Friday to discuss fishing quotas in the Northern Sea.\n\n"
    "The two ministers agreed to extend the current quota agreement for another season, "
    "pending a scientific review by a panel of experts from both countries.\n\n"
    "Rahman said the talks had been frank and constructive, and that Valdoria hoped to sign "
    "a long-term accord at the regional summit in June.\n\n"
    "Berg raised the case of two Osterian trawlers seized last month."
)


def with_boilerplate(text: str, outlet: str) -> str:
    return f"GENEVA ({outlet}) - {text}\n\n(Reporting by Jan Olsen; editing by Mark Tan)"


def truncated(text: str, paragraphs: int = 2) -> str:
    return "\n\n".join(text.split("\n\n")[:paragraphs])


def edited(text: str) -> str:
    parts = text.split("\n\n")
    del parts[3]
    return "\n\n".join(parts).replace(" said ", " stated ").replace("frank and", "open and")
