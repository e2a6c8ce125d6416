"""The catalogue of the site's open data, made from the declared kinds' `OpenData`
(content_model/kinds.py) and the office's details (content/office.toml), never typed:

- `datasets.json`: each dataset with the metadata the national open data platform (data.gov.tw)
  asks of a dataset — 資料集名稱, 描述, 主要欄位說明, 提供機關, 聯絡人, 更新頻率, 授權方式
  (政府資料開放授權條款－第1版), 計費方式, 編碼格式, 檔案格式 — in every site language;
- `datasets.jsonld`: the same as a DCAT catalogue (https://www.w3.org/ns/dcat, JSON-LD with its
  context inline: no request to another site) for other harvesters;
- the open-data page shows it as a table per dataset (theme/templates/open_data.html).

`catalogue_problems` checks the built site against it: a file the build does not make, or a
field the catalogue describes that its file lacks, is one line naming the declaration.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from content_model import kinds as kinds_module
from content_model.kinds import KINDS
from problems import Problem
from sources.messages import N_
from sources.paths import display_path

STAGE = "open-data"
JSON_FILE = "datasets.json"
JSONLD_FILE = "datasets.jsonld"



# The metadata data.gov.tw asks of a dataset, in its order: key in datasets.json -> its name
# (the Chinese catalog gives the platform's own words: 資料集名稱, 描述, 主要欄位說明 …).
METADATA = {
    "title": N_("Dataset name"),
    "description": N_("Description"),
    "fields": N_("Main fields"),
    "publisher": N_("Providing agency"),
    "contact": N_("Contact"),
    "update_frequency": N_("Update frequency"),
    "licence": N_("Licence"),
    "fee": N_("Charges"),
    "encoding": N_("Character encoding"),
    "formats": N_("File formats"),
}
LICENCE = N_("Open Government Data License, version 1.0")  # 政府資料開放授權條款－第1版
LICENCE_URL = "https://data.gov.tw/license"
FEE = N_("Free of charge")
FREQUENCY = N_("Irregular: the files are made again at every update of the website")
FREQUENCY_IRI = "http://purl.org/cld/freq/irregular"  # the Dublin Core frequency vocabulary
ENCODING = "UTF-8"
FORMATS = {  # format -> (media type, EU file-type IRI used by DCAT-AP)
    "JSON": ("application/json", "http://publications.europa.eu/resource/authority/file-type/JSON"),
    "CSV": ("text/csv", "http://publications.europa.eu/resource/authority/file-type/CSV"),
}


@dataclass(frozen=True)
class Distribution:
    """One file of a dataset, and the fields the catalogue says it has."""

    file: str  # e.g. guides.csv, below the site root
    format: str  # JSON or CSV
    fields: dict  # field -> what it holds (a gettext msgid)

    @property
    def media_type(self) -> str:
        return FORMATS[self.format][0]


@dataclass(frozen=True)
class Dataset:
    """One open-data declaration (kinds.OpenData) as a dataset of the catalogue."""

    name: str
    title: str  # msgid
    description: str  # msgid
    distributions: tuple[Distribution, ...]

    @property
    def formats(self) -> list[str]:
        return [distribution.format for distribution in self.distributions]


def datasets(kinds=KINDS) -> tuple[Dataset, ...]:
    """Every dataset the site declares, in the kinds' order."""
    found = []
    for kind in kinds:
        data = kind.open_data
        if data is None:
            continue
        files = [Distribution(f"{data.name}.json", "JSON", dict(data.json_fields))]
        if data.csv_rows:
            files.append(Distribution(f"{data.name}.csv", "CSV", dict(data.csv_fields or {})))
        found.append(Dataset(data.name, data.dataset, data.title, tuple(files)))
    return tuple(found)


def declaration(name: str) -> tuple[str, int | None]:
    """Where the dataset `name` is declared: kinds.py and the line of its `OpenData("name"`."""
    path = Path(kinds_module.__file__)
    text = path.read_text(encoding="utf-8")
    found = re.search(rf'OpenData\(\s*"{re.escape(name)}"', text)
    return display_path(path), (text.count("\n", 0, found.start()) + 1 if found else None)


class Catalogue:
    """The site's datasets with the data.gov.tw metadata, in every language of the site.

    `translations` is {lang: gettext translations}; `office` the office data; `origin` the public
    base URL; `landing` {lang: the open-data page's address below the origin}."""

    def __init__(self, found: tuple[Dataset, ...], translations: dict, office, origin: str,
                 languages: dict, landing: dict[str, str]):
        self.datasets = found
        self.labels = METADATA  # what the open-data page's tables call each value (msgids)
        self.frequency, self.licence, self.licence_url, self.fee, self.encoding = (
            FREQUENCY, LICENCE, LICENCE_URL, FEE, ENCODING)
        self.files = (JSON_FILE, JSONLD_FILE)
        self._translations = translations
        self._office = office
        self._origin = origin
        self._languages = languages
        self._landing = landing

    # --- words ----------------------------------------------------------------------------------
    def words(self, msgid: str) -> dict[str, str]:
        """A msgid in every language of the site."""
        return {lang: self._translations[lang].gettext(msgid) for lang in self._languages}

    def office_text(self, field: str) -> dict[str, str]:
        return {lang: self._office.text(field, lang) for lang in self._languages}

    def url(self, file: str) -> str:
        return f"{self._origin}/{file}"

    @property
    def publisher(self) -> dict[str, str]:
        return self.office_text("name")

    def contact(self) -> dict:
        """The contact point: the office, its e-mail and telephone once confirmed (else null, and
        named under `unverified`)."""
        office = self._office
        return {
            "name": self.publisher,
            "email": office.email("email"),
            "phone": self.office_text("phone") if office.is_verified("phone") else None,
            "unverified": [field for field in ("email", "phone") if not office.is_verified(field)],
        }

    # --- datasets.json --------------------------------------------------------------------------
    def record(self, dataset: Dataset) -> dict:
        """One dataset in datasets.json: the data.gov.tw metadata, then its files."""
        return {
            "identifier": dataset.name,
            "title": self.words(dataset.title),
            "description": self.words(dataset.description),
            "fields": [{"file": d.file, "name": name, "description": self.words(meaning)}
                       for d in dataset.distributions for name, meaning in d.fields.items()],
            "publisher": self.publisher,
            "contact": self.contact(),
            "update_frequency": self.words(FREQUENCY),
            "licence": {"name": self.words(LICENCE), "url": LICENCE_URL},
            "fee": self.words(FEE),
            "encoding": ENCODING,
            "formats": dataset.formats,
            "distributions": [{"file": d.file, "format": d.format, "media_type": d.media_type,
                               "encoding": ENCODING, "url": self.url(d.file)} for d in dataset.distributions],
            "landing_page": {lang: self.url(url) for lang, url in self._landing.items()},
        }

    def json_document(self) -> bytes:
        document = {
            "labels": {key: self.words(label) for key, label in METADATA.items()},
            "count": len(self.datasets),
            "datasets": [self.record(dataset) for dataset in self.datasets],
        }
        return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    # --- datasets.jsonld (DCAT) -----------------------------------------------------------------
    def tagged(self, texts: dict[str, str]) -> list[dict]:
        """Language-tagged literals (@language is the page language's BCP 47 tag)."""
        return [{"@value": text, "@language": self._languages[lang]["html_lang"]} for lang, text in texts.items()]

    def jsonld_document(self) -> bytes:
        office_id = f"{self._origin}/#office"
        contact = self.contact()
        contact_point = {"@type": "vcard:Organization", "vcard:fn": self.tagged(self.publisher)}
        if contact["email"]:
            contact_point["vcard:hasEmail"] = {"@id": f"mailto:{contact['email']}"}
        if contact["phone"]:
            contact_point["vcard:hasTelephone"] = next(iter(contact["phone"].values()))
        licence = {"@id": LICENCE_URL, "@type": "dct:LicenseDocument", "dct:title": self.tagged(self.words(LICENCE))}
        document = {
            "@context": {
                "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
            },
            "@id": self.url(JSONLD_FILE),
            "@type": "dcat:Catalog",
            "dct:title": self.tagged({lang: text % {"office": self.publisher[lang]}
                                      for lang, text in self.words(N_("Open data of %(office)s")).items()}),
            "dct:description": self.tagged(self.words(N_(
                "Every machine-readable file the website publishes, with the metadata the national open data "
                "platform asks of a dataset."))),
            "dct:publisher": {"@id": office_id, "@type": "foaf:Organization", "foaf:name": self.tagged(self.publisher)},
            "dct:license": licence,
            "dcat:dataset": [{
                "@id": f"{self.url(JSONLD_FILE)}#{dataset.name}",
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.name,
                "dct:title": self.tagged(self.words(dataset.title)),
                "dct:description": self.tagged(self.words(dataset.description)),
                "dct:publisher": {"@id": office_id},
                "dcat:contactPoint": contact_point,
                "dct:accrualPeriodicity": {"@id": FREQUENCY_IRI},
                "dct:license": {"@id": LICENCE_URL},
                "dcat:landingPage": [{"@id": self.url(url)} for url in self._landing.values()],
                "dcat:distribution": [{
                    "@id": self.url(d.file),
                    "@type": "dcat:Distribution",
                    "dct:title": d.file,
                    "dcat:accessURL": {"@id": self.url(d.file)},
                    "dcat:downloadURL": {"@id": self.url(d.file)},
                    "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{d.media_type}"},
                    "dct:format": {"@id": FORMATS[d.format][1]},
                    "dct:license": {"@id": LICENCE_URL},
                } for d in dataset.distributions],
            } for dataset in self.datasets],
        }
        return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def file_fields(path: Path, format: str) -> set[str] | None:
    """The fields a built file has: a JSON list's record keys (every record), a CSV's header;
    None when the list has no record to read them from."""
    if format == "JSON":
        items = json.loads(path.read_text(encoding="utf-8"))["items"]
        if not items:
            return None
        return set.intersection(*(set(item) for item in items))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(io.StringIO(handle.read())), None)
    return set(header) if header else None


def catalogue_problems(found: tuple[Dataset, ...], output: Path) -> list[Problem]:
    """Each file the catalogue lists that the build did not make, and each field it describes
    that its file lacks: one line each, at the dataset's declaration."""
    problems = []
    for dataset in found:
        path, line = declaration(dataset.name)
        for distribution in dataset.distributions:
            built = output / distribution.file
            if not built.is_file():
                problems.append(Problem(path, line, STAGE, "missing-file",
                                        f"the dataset `{dataset.name}` lists {distribution.file}, which the build "
                                        "does not make",
                                        "give the kind's OpenData a `record` (and `csv_rows` for a CSV) that makes "
                                        "it, or remove the file from the declaration"))
                continue
            present = file_fields(built, distribution.format)
            if present is None:
                continue  # an empty list: no record to hold a field
            problems += [Problem(path, line, STAGE, "missing-field",
                                 f"the dataset `{dataset.name}` describes the field `{name}`, which "
                                 f"{distribution.file} does not have",
                                 f"describe only the fields {distribution.file} has ({', '.join(sorted(present))}), "
                                 "or make its records hold the field")
                         for name in distribution.fields if name not in present]
    return problems
