"""The review finds what an editor finds in a story: the size of a team, counts of sick leave and dismissals,
units by name, a career told with the writer's health, and quotes that share one printed attribution. Each
finder is tried on made-up sentences; the real data's flags are in `make review-anonymity`."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

from conftest import build_env

from evidence.model.anonymity import attribution_clusters, machine_flags
from evidence.model.anonymity_text import Lexicon, absence_counts, career_with_health, group_sizes, named_units

LEXICON = Lexicon(first_names=frozenset(), places=frozenset(), ordinary=frozenset({"jobcentret"}),
                  always=frozenset(), not_identifying=frozenset({"Jobcentret"}))


def words(hits) -> list[str]:
    return [hit.words for hit in hits]


def test_team_and_unit_sizes_are_found():
    assert words(group_sizes("Vi er et fast team på 8 medarbejdere, og kun 2 (ud af 8) er her stadig.")) == [
        "team på 8 medarbejdere", "2 (ud af 8)"]
    assert words(group_sizes("Min afdeling på ca. 40 rådgivere mistede 12 rådgivere på et år.")) == [
        "afdeling på ca. 40 rådgivere", "12 rådgivere"]
    assert group_sizes("Jeg har 35 sager og 1.812 borgere i kommunen.") == []


def test_counts_of_sick_leave_and_dismissals_are_found():
    assert words(absence_counts("Vi har haft 4 langtidssygemeldinger samtidig. Tre ledere er senere fyret.")) == [
        "4 langtidssygemeldinger", "Tre ledere er senere fyret"]
    assert words(absence_counts("Lige nu er 5 stress-sygemeldte af 17.")) == ["5 stress-sygemeldte"]
    assert absence_counts("Efter 6 mdr. sygemelding blev jeg fyret.") == []


def test_units_are_found_by_name_even_where_a_sentence_opens_with_them():
    assert words(named_units("– Familiehuset har få tilbud. Vi ringer til Ungeafdelingen.", LEXICON)) == [
        "Familiehuset", "Ungeafdelingen"]
    assert named_units("Jobcentret ringede. Huset er gammelt.", LEXICON) == []


def test_a_career_is_flagged_only_together_with_the_writers_health():
    assert career_with_health("Gennem 19 år som socialrådgiver har jeg været stress-sygemeldt to gange.").words == (
        "19 år som socialrådgiver · stress-sygemeldt")
    assert career_with_health("Efter kun 1 år på børneområdet måtte jeg sygemelde mig.").words == (
        "1 år på børneområdet · sygemelde")
    assert career_with_health("Jeg har 4 års erfaring og er glad for mit job.") is None
    assert career_with_health("Mange kolleger er sygemeldte.") is None


def test_quotes_that_share_an_attribution_are_one_cluster_on_the_first_quote():
    def said(quote_id: str, attribution: str) -> dict:
        return {"id": quote_id, "attribution": attribution, "speaker": {"role": "Socialrådgiver"}}

    quotes = [said("x-i01", "Socialrådgiver, 44 år"), said("x-i02", "Socialrådgiver, 30 år"),
              said("x-i03", "Socialrådgiver, 44 år"), said("x-i04", "Socialrådgiver, 44 år"),
              {"id": "x-t01", "attribution": "Socialrådgiver, 44 år"}]  # a testimony's writer is no interviewee
    clusters = attribution_clusters(SimpleNamespace(quotes={quote["id"]: quote for quote in quotes}, printed_quotes={}))
    assert [(flag.quote, flag.kind, flag.words) for flag in clusters] == [("x-i01", "klynge", "Socialrådgiver, 44 år")]
    assert clusters[0].context == "3 citater med samme angivelse: x-i01, x-i03, x-i04"


def test_the_review_list_shows_the_new_kinds_on_the_real_data(real_dataset):
    raised = {(flag.quote, flag.kind, flag.words) for flag in machine_flags(real_dataset)}
    assert {("ds2020-t007", "teamets størrelse", "team på 8 medarbejdere"),
            ("ds2020-t007", "antal sygemeldte eller fyrede", "4 langtidssygemeldinger"),
            ("ds2020-t122", "antal sygemeldte eller fyrede", "Tre ledere er senere fyret"),
            ("ds2020-t215", "karriere og helbred", "19 år som socialrådgiver · stress-sygemeldt"),
            ("klds2025-i04", "klynge", "Socialrådgiver, 44 år, 2-5 år i nuværende job")} <= raised


def test_the_list_can_be_piped_into_a_reader_that_has_stopped(fixture_copy):
    """`make review-anonymity | head`: the reader is gone before the list is written (the data take a second
    to load), so every write meets a closed pipe – the command ends quietly, with no traceback."""
    command = subprocess.Popen([sys.executable, "-m", "scripts.review_anonymity"], cwd=fixture_copy, env=build_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    command.stdout.close()
    errors = command.stderr.read()
    assert command.wait() == 0 and "Error" not in errors, errors
