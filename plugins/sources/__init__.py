"""The bottom library every package may use: reading source files (front matter, YAML with the
line of every key, UTF-8 checks), validating them against a schema into Problems, the schema
parts they share, paths for messages, and the conventions Markdown authors write in (caption
prefixes, download formats, the two writing systems). It imports only `problems`."""
