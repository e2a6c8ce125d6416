"""The header of a form's page, made from its definition (`forms/<id>/form.yaml`, schema in
plugins/forms/schema.py) for one language: authors never write it."""

from __future__ import annotations

from .common import Day, Header, Slug


class FormPageHeader(Header):
    topic: Slug
    updated: Day
