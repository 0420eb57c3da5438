"""US states by their two-letter codes, so an event's region ("Florida", or "FL") can be matched to a licence's state.

Providers type the region in full (the field asks for "Florida"); licensing bodies are filed under their
postal code. Pure: no database.
"""

US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "PR": "Puerto Rico",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def region_is_state(region: str, state: str) -> bool:
    """Whether a typed region names the state with this code: "Florida", "florida " and "FL" all name FL."""
    code = state.strip().upper()
    if not code or not region.strip():
        return False
    return _key(region) in {_key(code), _key(US_STATES.get(code, code))}


def state_code(region: str) -> str:
    """The two-letter code of a typed US state ("Florida" or "fl" → "FL"), or "" when it names none."""
    key = _key(region)
    for code, name in US_STATES.items():
        if key in (_key(code), _key(name)):
            return code
    return ""
