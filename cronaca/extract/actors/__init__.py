"""Actor extraction (people, organisations, countries acting): lexicon, mention detection,
role phrases and coreference.  The stage function is :func:`cronaca.extract.entities.extract_entities`."""
