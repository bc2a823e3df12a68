"""The steps of event extraction (see cronaca.extract.events)."""
