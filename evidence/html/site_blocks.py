"""The publisher's part of /om/ and of the accessibility statement, from data/site.yml and
data/publications.yml. An empty field is left out, never filled with a guess: the site claims no
publisher, contact or permission the publisher has not given."""

from __future__ import annotations

from evidence.html.templates import render
from evidence.load.dataset_types import Dataset
from evidence.model.publications import newest_first
from evidence.model.site import value
from evidence.model.wording import join_and, number_word


def _contact(dataset: Dataset) -> dict:
    return {"publisher": value(dataset, "publisher", "name"), "email": value(dataset, "contact", "email"),
            "contact_url": value(dataset, "contact", "url")}


def publisher(dataset: Dataset) -> str:
    """»Hvem står bag«: the site's publisher, the publications' own publishers, the permission for the full
    testimonies and the contact – each only where data says it."""
    publications = [{"title": p["title"], "year": p["year"], "publishers": join_and(p["publishers"]),
                     "prepared_by": p.get("prepared_by"), "url": p.get("url")} for p in newest_first(dataset)]
    return render("site_publisher.html", **_contact(dataset), publications=publications,
                  count=number_word(len(publications)),
                  publisher_url=value(dataset, "publisher", "url"),
                  permission=value(dataset, "testimonies_permission"))


def accessibility_statement(dataset: Dataset) -> str:
    """The link to the publisher's statement in the WAS tool, or that it is not published yet."""
    return render("accessibility_statement.html", statement_url=value(dataset, "accessibility", "statement_url"))


def accessibility_contact(dataset: Dataset) -> str:
    """Where to write about accessibility, or that the publisher has not said yet."""
    return render("accessibility_contact.html", **_contact(dataset))
