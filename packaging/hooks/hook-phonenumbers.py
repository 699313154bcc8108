"""Replaces the contrib phonenumbers hook, which bundles every data module whether used or not.

phonenumbers loads its per-region metadata (`data`, `shortdata`) by name at run time, so
those are collected here. Carrier names and time zones are never asked for; place names
(`geodata`, 4 MB) come in only if the app imports `phonenumbers.geocoder`, which
PyInstaller then follows like any import.
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_submodules

LOADED_BY_NAME = ("phonenumbers.data", "phonenumbers.shortdata")

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: name.startswith(LOADED_BY_NAME))
