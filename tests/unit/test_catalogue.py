"""The open-data catalogue (site_outputs/catalogue.py), made from the kinds' OpenData: every
dataset with the metadata data.gov.tw asks for, in both languages, and as DCAT in JSON-LD that
an RDF reader takes in; a listed file the build does not make, or a described field its file
lacks, is one line at the dataset's declaration in kinds.py."""

from __future__ import annotations

import csv
import gettext
import json
from dataclasses import replace
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from content_model.kinds import KINDS
from office_data.office_data import load
from site_outputs.catalogue import JSONLD_FILE, METADATA, Catalogue, catalogue_problems, datasets
from support import ROOT

LANGUAGES = {"zh-tw": {"html_lang": "zh-Hant-TW"}, "en": {"html_lang": "en"}}
ORIGIN = "https://www.example.gov.tw"
# data.gov.tw's fields (資料集名稱、描述、主要欄位說明、提供機關、聯絡人、更新頻率、授權方式、計費方式、
# 編碼格式、檔案格式), by their key in datasets.json
# rdflib 7.6's own JSON-LD parser builds a ConjunctiveGraph inside and warns about it (not our code)
RDFLIB_INSIDE = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
PORTAL_FIELDS = ["title", "description", "fields", "publisher", "contact", "update_frequency", "licence", "fee",
                 "encoding", "formats"]


def catalogue(office_file: Path = ROOT / "content/office.toml") -> Catalogue:
    translations = {lang: gettext.NullTranslations() for lang in LANGUAGES}
    office = load(office_file, list(LANGUAGES))
    return Catalogue(datasets(), translations, office, ORIGIN, LANGUAGES,
                     {"zh-tw": "open-data/", "en": "en/open-data/"})


def built_files(folder: Path, found=None) -> Path:
    """Files as the build makes them, each record holding every field the catalogue describes."""
    for dataset in found or datasets():
        for file in dataset.distributions:
            if file.format == "JSON":
                record = dict.fromkeys(file.fields, "x")
                (folder / file.file).write_text(json.dumps({"count": 1, "items": [record]}), encoding="utf-8")
            else:
                with (folder / file.file).open("w", encoding="utf-8-sig", newline="") as handle:
                    writer = csv.writer(handle)
                    writer.writerow(list(file.fields))
                    writer.writerow(["x"] * len(file.fields))
    return folder


def test_every_declared_open_data_list_is_a_dataset_with_described_fields():
    found = datasets()
    assert [d.name for d in found] == [kind.open_data.name for kind in KINDS if kind.open_data]
    assert {d.name for d in found} == {"forms", "guides", "disclosures"}
    for dataset in found:
        assert dataset.formats == ["JSON", "CSV"]
        for file in dataset.distributions:
            assert file.fields, f"{file.file}: the catalogue describes none of its fields"


def test_datasets_json_has_the_portal_s_fields_in_both_languages():
    document = json.loads(catalogue().json_document())
    assert list(document["labels"]) == PORTAL_FIELDS == list(METADATA)
    assert document["count"] == len(document["datasets"]) == 3
    for record in document["datasets"]:
        assert all(key in record for key in PORTAL_FIELDS)
        for key in ("title", "description", "publisher", "update_frequency", "fee"):
            assert set(record[key]) == set(LANGUAGES) and all(record[key].values()), key
        assert record["licence"]["url"] == "https://data.gov.tw/license"
        assert record["encoding"] == "UTF-8" and record["formats"] == ["JSON", "CSV"]
        assert record["publisher"]["zh-tw"] == "臺中市龍井區戶政事務所"
        # the office's e-mail and telephone are not confirmed: no address is given, and it says so
        assert record["contact"]["email"] is None and record["contact"]["unverified"] == ["email", "phone"]
        assert [d["url"] for d in record["distributions"]] == [
            f"{ORIGIN}/{record['identifier']}.json", f"{ORIGIN}/{record['identifier']}.csv"]
        assert {f["file"] for f in record["fields"]} == {d["file"] for d in record["distributions"]}


@RDFLIB_INSIDE
def test_the_dcat_catalogue_reads_as_rdf_with_the_required_properties():
    graph = rdflib.Graph().parse(data=catalogue().jsonld_document(), format="json-ld")
    [catalog] = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert str(catalog) == f"{ORIGIN}/{JSONLD_FILE}"
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.license):
        assert graph.value(catalog, prop) is not None, prop
    assert {title.language.lower() for title in graph.objects(catalog, DCTERMS.title)} == {"zh-hant-tw", "en"}
    assert graph.value(graph.value(catalog, DCTERMS.publisher), FOAF.name) is not None
    found = list(graph.objects(catalog, DCAT.dataset))
    assert len(found) == 3
    for dataset in found:
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.identifier, DCTERMS.publisher,
                     DCAT.contactPoint, DCTERMS.accrualPeriodicity, DCTERMS.license, DCAT.landingPage):
            assert graph.value(dataset, prop) is not None, (dataset, prop)
        files = list(graph.objects(dataset, DCAT.distribution))
        assert len(files) == 2
        for file in files:
            assert (file, RDF.type, DCAT.Distribution) in graph
            for prop in (DCAT.accessURL, DCAT.downloadURL, DCAT.mediaType, DCTERMS.format, DCTERMS.license):
                assert isinstance(graph.value(file, prop), rdflib.URIRef), (file, prop)
            assert str(graph.value(file, DCAT.downloadURL)).startswith(f"{ORIGIN}/")


@RDFLIB_INSIDE
def test_a_confirmed_e_mail_is_the_contact_point_s_address():
    graph = rdflib.Graph().parse(data=catalogue(ROOT / "tests/fixtures/site/content/office.toml").jsonld_document(),
                                 format="json-ld")
    emails = {str(o) for o in graph.objects(None, rdflib.URIRef("http://www.w3.org/2006/vcard/ns#hasEmail"))}
    assert emails == {"mailto:office@fixture.example"}


def test_files_and_fields_as_declared_give_no_problem(tmp_path):
    assert catalogue_problems(datasets(), built_files(tmp_path)) == []


def test_a_field_the_file_lacks_is_one_line_at_the_declaration(tmp_path):
    found = datasets()
    guides = next(d for d in found if d.name == "guides")
    csv_file = guides.distributions[1]
    planted = replace(guides, distributions=(guides.distributions[0],
                                             replace(csv_file, fields={**csv_file.fields, "office_hours": "x"})))
    found = tuple(planted if d is guides else d for d in found)
    [problem] = catalogue_problems(found, built_files(tmp_path, datasets()))
    kinds = (ROOT / "plugins/content_model/kinds.py").read_text(encoding="utf-8").splitlines()
    assert problem.path.endswith("plugins/content_model/kinds.py") and 'OpenData("guides"' in kinds[problem.line - 1]
    assert (problem.stage, problem.rule) == ("open-data", "missing-field")
    assert "the dataset `guides` describes the field `office_hours`, which guides.csv does not have" in str(problem)


@pytest.mark.parametrize("missing", ["forms.csv", "disclosures.json"])
def test_a_file_the_build_does_not_make_is_one_line(tmp_path, missing):
    (built_files(tmp_path) / missing).unlink()
    [problem] = catalogue_problems(datasets(), tmp_path)
    assert problem.rule == "missing-file" and f"lists {missing}, which the build does not make" in str(problem)
