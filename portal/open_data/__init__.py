"""The open-data publication of the public register: OCDS, DCAT and the bulk files.

Builders here turn what `cooperation.selectors.open_data` returns into the standard formats;
they never query the register themselves, so the public/restricted rule stays in one place.
"""
