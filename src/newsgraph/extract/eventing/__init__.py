"""Event coding in PLOVER, split by job: lexicon, triggers, roles, modality, dating, merging."""
