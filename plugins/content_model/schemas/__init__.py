"""Header schemas, one module per content kind; `common` holds what every kind shares."""
