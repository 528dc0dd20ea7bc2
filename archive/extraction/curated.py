"""Hand-curated reference data that the third-party sources lack.

``tools/build_reference.py`` merges these lists with the CIA Factbook,
country-codes-orgs, mledoze/countries and SupraVerden data. Everything here was written by hand
for this project (no third-party text), so it carries no licence obligations.
Keep the lists short: they cover what diplomatic news about the South Caucasus,
the OIC world and multilateral diplomacy mentions often.
"""

from __future__ import annotations

from archive.extraction.checks import (
    EVENT_KINDS,
    ORGANISATION_KINDS,
    PLACE_KINDS,
    Entry,
    check,
    find_problems,
)

# -- Countries -----------------------------------------------------------------

# Canonical names where mledoze's "common" name is not what news writes.
COUNTRY_NAME_OVERRIDES = {
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
}

# Extra names by ISO alpha-3: former or informal names still common in news.
COUNTRY_EXTRA_ALIASES = {
    "TUR": ["Turkey", "Republic of Turkey"],
    "MMR": ["Burma"],
    "SWZ": ["Swaziland"],
    "CZE": ["Czech Republic"],
    "MKD": ["Macedonia", "Republic of North Macedonia"],
    "CIV": ["Cote d'Ivoire", "Côte d’Ivoire"],
    "CPV": ["Cape Verde"],
    "TLS": ["East Timor"],
    "NLD": ["Holland"],
    "USA": ["America", "U.S.", "U.S.A.", "US", "USA", "United States of America"],
    "GBR": ["Britain", "Great Britain", "U.K.", "UK"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "COD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville"],
    "CHN": ["PRC", "Mainland China"],
    "PRK": ["DPRK", "North Korea"],
    "KOR": ["ROK", "South Korea"],
    "RUS": ["Russian Federation"],
    "VAT": ["Holy See"],
    "PSE": ["Palestinian territories", "Palestinian Territories"],
    "SAU": ["KSA"],
    "BIH": ["Bosnia"],
    "IRN": ["Persia"],
}

# Demonyms the sources lack or that must resolve to one country.
COUNTRY_EXTRA_DEMONYMS = {
    "USA": ["American", "Americans"],
    "GBR": ["British", "Briton", "Britons"],
    "AZE": ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"],
    "TUR": ["Turkish", "Turk", "Turks"],
    "ARM": ["Armenian", "Armenians"],
    "NLD": ["Dutch"],
    "FRA": ["French"],
    "KOR": ["South Korean", "South Koreans"],
    "PRK": ["North Korean", "North Koreans"],
    "ARE": ["Emirati", "Emiratis"],
    "PSE": ["Palestinian", "Palestinians"],
}

# Alternative spellings in the sources that are English words, surnames or
# nationality adjectives in news ("Island" is Icelandic for Iceland, "Mann"
# Manx for Man, "Thai" an adjective) or that name two territories ("Virgin
# Islands", British and U.S.): never read as the country's name.
COUNTRY_ALIASES_DROPPED = {
    "Virgin Islands",
    "Island",
    "Dominique",
    "Mann",
    "Mannin",
    "Thai",
    "Togolese",
    "Mexicanos",
    "Portuguesa",
    "Dominican",
    "Lao",
}

# Two-letter codes are too ambiguous for matching; only these short codes are kept.
COUNTRY_CODES_KEPT = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK", "KSA"}

# Capitals whose bare name is more often a person (or several places).
CAPITALS_SKIPPED = {
    "Victoria",
    "Douglas",
    "Hamilton",
    "Stanley",
    "Jamestown",
    "Plymouth",
    "Adamstown",
    "The Valley",
    "West Island",
    "King Edward Point",
    "Flying Fish Cove",
    "Kingston",
    "Georgetown",
    "Avarua",
    "Alofi",
    "Castries",
    "Gustavia",
    "Marigot",
    "Philipsburg",
    "Saint Peter Port",
    "Saint Helier",
    "Charlotte Amalie",
    "Road Town",
    "Cockburn Town",
    "George Town",
    "Basse-Terre",
    "Saint-Pierre",
    "Fort-de-France",
    "Cayenne",
    "Saint-Denis",
    "Mamoudzou",
    "Mata-Utu",
    "Papeete",
    "Nouméa",
    "Hagåtña",
    "Pago Pago",
    "Saipan",
    "Kralendijk",
    "Oranjestad",
    "Willemstad",
    "Longyearbyen",
    "Tórshavn",
    "Nuuk",
    "Yaren",
    "Port-aux-Français",
}

# -- Places --------------------------------------------------------------------

# (name, kind, country by ISO alpha-3 or "" for multi-country regions, aliases)
CURATED_PLACES: list[tuple[str, str, str, list[str]]] = [
    # Azerbaijan and the South Caucasus
    ("Karabakh", "region", "AZE", ["Garabagh", "Qarabağ", "Karabagh"]),
    ("Nagorno-Karabakh", "region", "AZE", ["Nagorno Karabakh", "Nagorny Karabakh"]),
    ("Ganja", "city", "AZE", ["Gänjä"]),
    ("Shusha", "city", "AZE", ["Shushi"]),
    ("Aghdam", "city", "AZE", ["Agdam"]),
    ("Kalbajar", "region", "AZE", ["Kelbajar"]),
    ("Lachin", "region", "AZE", ["Lachin corridor"]),
    ("Fuzuli", "city", "AZE", ["Fizuli"]),
    ("Jabrayil", "city", "AZE", ["Jabrail"]),
    ("Zangilan", "city", "AZE", []),
    ("Gubadli", "city", "AZE", ["Qubadli"]),
    ("Khojaly", "city", "AZE", ["Khojali"]),
    ("Khankendi", "city", "AZE", ["Stepanakert"]),
    ("Tartar", "city", "AZE", ["Terter"]),
    ("Sumgait", "city", "AZE", ["Sumqayit"]),
    ("Lankaran", "city", "AZE", []),
    ("Sheki", "city", "AZE", ["Shaki"]),
    ("Mingachevir", "city", "AZE", []),
    ("Nakhchivan", "region", "AZE", ["Nakhichevan"]),
    ("Absheron", "region", "AZE", ["Absheron Peninsula"]),
    ("East Zangezur", "region", "AZE", []),
    ("Zangezur", "region", "", ["Zangezur corridor"]),
    ("Gyumri", "city", "ARM", []),
    ("Syunik", "region", "ARM", []),
    ("Batumi", "city", "GEO", []),
    ("Kutaisi", "city", "GEO", []),
    ("Abkhazia", "region", "GEO", []),
    ("South Ossetia", "region", "GEO", ["Tskhinvali region"]),
    # Broad regions
    ("Africa", "region", "", []),
    ("Europe", "region", "", []),
    ("Asia", "region", "", []),
    ("Eurasia", "region", "", []),
    ("Americas", "region", "", []),
    ("North America", "region", "", []),
    ("South America", "region", "", []),
    ("Latin America", "region", "", []),
    ("Central America", "region", "", []),
    ("Caribbean", "region", "", []),
    ("Oceania", "region", "", []),
    ("Antarctica", "region", "", []),
    ("Arctic", "region", "", []),
    ("Middle East", "region", "", ["Mideast"]),
    ("Near East", "region", "", []),
    ("Central Asia", "region", "", []),
    ("South Asia", "region", "", []),
    ("Southeast Asia", "region", "", ["South-East Asia", "South East Asia"]),
    ("East Asia", "region", "", []),
    ("West Asia", "region", "", ["Western Asia"]),
    ("Asia-Pacific", "region", "", ["Asia Pacific"]),
    ("Indo-Pacific", "region", "", []),
    ("Caucasus", "region", "", []),
    ("South Caucasus", "region", "", ["Southern Caucasus", "Transcaucasia"]),
    ("North Caucasus", "region", "", []),
    ("Balkans", "region", "", []),
    ("Western Balkans", "region", "", []),
    ("Baltic", "region", "", ["Baltics"]),
    ("Scandinavia", "region", "", []),
    ("Central Europe", "region", "", []),
    ("Eastern Europe", "region", "", []),
    ("Western Europe", "region", "", []),
    ("Southern Europe", "region", "", []),
    ("Northern Europe", "region", "", []),
    ("Gulf", "region", "", ["Persian Gulf", "Arabian Gulf"]),
    ("Sahel", "region", "", []),
    ("Maghreb", "region", "", []),
    ("Levant", "region", "", []),
    ("Horn of Africa", "region", "", []),
    ("North Africa", "region", "", []),
    ("West Africa", "region", "", []),
    ("East Africa", "region", "", []),
    ("Southern Africa", "region", "", []),
    ("Central Africa", "region", "", []),
    ("Sub-Saharan Africa", "region", "", []),
    ("Mediterranean", "region", "", ["Mediterranean Sea"]),
    ("Black Sea", "region", "", []),
    ("Caspian Sea", "region", "", ["Caspian"]),
    ("Red Sea", "region", "", []),
    ("South China Sea", "region", "", []),
    ("East China Sea", "region", "", []),
    ("Korean Peninsula", "region", "", []),
    ("Taiwan Strait", "region", "", []),
    ("Strait of Hormuz", "region", "", []),
    ("Bab el-Mandeb", "region", "", []),
    ("Suez Canal", "region", "EGY", []),
    ("Sinai", "region", "EGY", ["Sinai Peninsula"]),
    ("Crimea", "region", "UKR", []),
    ("Donbas", "region", "UKR", ["Donbass"]),
    ("Donetsk", "city", "UKR", []),
    ("Luhansk", "city", "UKR", ["Lugansk"]),
    ("Zaporizhzhia", "city", "UKR", ["Zaporizhzhya"]),
    ("Kherson", "city", "UKR", []),
    ("Kharkiv", "city", "UKR", ["Kharkov"]),
    ("Odesa", "city", "UKR", ["Odessa"]),
    ("Lviv", "city", "UKR", []),
    ("Mariupol", "city", "UKR", []),
    ("Bucha", "city", "UKR", []),
    ("Transnistria", "region", "MDA", []),
    ("Kashmir", "region", "", ["Jammu and Kashmir"]),
    ("Gaza", "region", "PSE", ["Gaza Strip"]),
    ("West Bank", "region", "PSE", []),
    ("East Jerusalem", "city", "PSE", []),
    ("Golan Heights", "region", "SYR", []),
    ("Darfur", "region", "SDN", []),
    ("Tigray", "region", "ETH", []),
    ("Kurdistan", "region", "", ["Kurdistan Region"]),
    ("Xinjiang", "region", "CHN", []),
    ("Tibet", "region", "CHN", []),
    ("Western Sahara", "region", "", []),
    ("Siberia", "region", "RUS", []),
    ("Chechnya", "region", "RUS", []),
    ("Idlib", "city", "SYR", []),
    ("Aleppo", "city", "SYR", []),
    ("Homs", "city", "SYR", []),
    ("Mosul", "city", "IRQ", []),
    ("Basra", "city", "IRQ", []),
    ("Erbil", "city", "IRQ", []),
    ("Benghazi", "city", "LBY", []),
    ("Aden", "city", "YEM", []),
    ("Hodeidah", "city", "YEM", []),
    # Nations of the United Kingdom
    ("England", "region", "GBR", []),
    ("Scotland", "region", "GBR", []),
    ("Wales", "region", "GBR", []),
    ("Northern Ireland", "region", "GBR", []),
    # Major non-capital cities often in diplomatic news
    ("New York", "city", "USA", ["New York City"]),
    ("Los Angeles", "city", "USA", []),
    ("Chicago", "city", "USA", []),
    ("San Francisco", "city", "USA", []),
    ("Houston", "city", "USA", []),
    ("Miami", "city", "USA", []),
    ("Boston", "city", "USA", []),
    ("Seattle", "city", "USA", []),
    ("Geneva", "city", "CHE", []),
    ("Davos", "city", "CHE", []),
    ("Zurich", "city", "CHE", []),
    ("Lausanne", "city", "CHE", []),
    ("Munich", "city", "DEU", []),
    ("Frankfurt", "city", "DEU", []),
    ("Hamburg", "city", "DEU", []),
    ("Bonn", "city", "DEU", []),
    ("Strasbourg", "city", "FRA", []),
    ("Marseille", "city", "FRA", []),
    ("Lyon", "city", "FRA", []),
    ("Nice", "city", "FRA", []),
    ("Milan", "city", "ITA", []),
    ("Naples", "city", "ITA", []),
    ("Florence", "city", "ITA", []),
    ("Venice", "city", "ITA", []),
    ("Barcelona", "city", "ESP", []),
    ("Seville", "city", "ESP", []),
    ("Porto", "city", "PRT", []),
    ("The Hague", "city", "NLD", []),
    ("Rotterdam", "city", "NLD", []),
    ("Antwerp", "city", "BEL", []),
    ("Glasgow", "city", "GBR", []),
    ("Edinburgh", "city", "GBR", []),
    ("Manchester", "city", "GBR", []),
    ("Salzburg", "city", "AUT", []),
    ("Krakow", "city", "POL", ["Kraków"]),
    ("Gdansk", "city", "POL", ["Gdańsk"]),
    ("Thessaloniki", "city", "GRC", []),
    ("Istanbul", "city", "TUR", []),
    ("Izmir", "city", "TUR", []),
    ("Antalya", "city", "TUR", []),
    ("Gaziantep", "city", "TUR", []),
    ("Kars", "city", "TUR", []),
    ("St. Petersburg", "city", "RUS", ["Saint Petersburg", "St Petersburg"]),
    ("Sochi", "city", "RUS", []),
    ("Kazan", "city", "RUS", []),
    ("Vladivostok", "city", "RUS", []),
    ("Almaty", "city", "KAZ", []),
    ("Samarkand", "city", "UZB", []),
    ("Bukhara", "city", "UZB", []),
    ("Turkmenbashi", "city", "TKM", []),
    ("Mazar-i-Sharif", "city", "AFG", []),
    ("Kandahar", "city", "AFG", []),
    ("Herat", "city", "AFG", []),
    ("Karachi", "city", "PAK", []),
    ("Lahore", "city", "PAK", []),
    ("Mumbai", "city", "IND", ["Bombay"]),
    ("Kolkata", "city", "IND", []),
    ("Chennai", "city", "IND", []),
    ("Bengaluru", "city", "IND", ["Bangalore"]),
    ("Shanghai", "city", "CHN", []),
    ("Guangzhou", "city", "CHN", []),
    ("Shenzhen", "city", "CHN", []),
    ("Wuhan", "city", "CHN", []),
    ("Osaka", "city", "JPN", []),
    ("Hiroshima", "city", "JPN", []),
    ("Busan", "city", "KOR", []),
    ("Ho Chi Minh City", "city", "VNM", ["Saigon"]),
    ("Dubai", "city", "ARE", []),
    ("Sharjah", "city", "ARE", []),
    ("Jeddah", "city", "SAU", []),
    ("Mecca", "city", "SAU", ["Makkah"]),
    ("Medina", "city", "SAU", ["Madinah"]),
    ("Alexandria", "city", "EGY", []),
    ("Sharm el-Sheikh", "city", "EGY", ["Sharm El-Sheikh", "Sharm El Sheikh"]),
    ("Casablanca", "city", "MAR", []),
    ("Marrakech", "city", "MAR", ["Marrakesh"]),
    ("Tangier", "city", "MAR", []),
    ("Lagos", "city", "NGA", []),
    ("Johannesburg", "city", "ZAF", []),
    ("Cape Town", "city", "ZAF", []),
    ("Durban", "city", "ZAF", []),
    ("Mombasa", "city", "KEN", []),
    ("Rio de Janeiro", "city", "BRA", []),
    ("São Paulo", "city", "BRA", ["Sao Paulo"]),
    ("Belém", "city", "BRA", ["Belem"]),
    ("Sydney", "city", "AUS", []),
    ("Melbourne", "city", "AUS", []),
    ("Toronto", "city", "CAN", []),
    ("Montreal", "city", "CAN", []),
    ("Vancouver", "city", "CAN", []),
    ("Bali", "region", "IDN", []),
    ("Hong Kong", "city", "CHN", []),
]

# U.S. states ("Georgia" is the country, "Washington" the capital).
US_STATES = """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|
Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|
Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|
New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|
Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|
West Virginia|Wisconsin|Wyoming"""
CURATED_PLACES += [
    (name.strip(), "region", "USA", []) for name in US_STATES.split("|") if name.strip()
]

# -- Organisations -------------------------------------------------------------

# Bodies missing from (or badly named in) the data. Curated entries win the
# choice of canonical name when they merge with a data record.
CURATED_ORGS: list[dict] = [
    {
        "name": "Organisation of Islamic Cooperation",
        "acronym": "OIC",
        "aliases": [
            "Organization of Islamic Cooperation",
            "Organisation of the Islamic Conference",
            "Organization of the Islamic Conference",
        ],
    },
    {
        "name": "Islamic World Educational, Scientific and Cultural Organization",
        "acronym": "ICESCO",
        "aliases": [
            "Islamic Educational, Scientific and Cultural Organization",
            "Islamic World Educational Scientific and Cultural Organization",
        ],
    },
    {
        "name": "Islamic Development Bank",
        "acronym": "IsDB",
        "aliases": [],
    },
    {
        "name": "Non-Aligned Movement",
        "acronym": "NAM",
        "aliases": ["Nonaligned Movement", "Non Aligned Movement"],
    },
    {"name": "Council of Europe", "acronym": "CoE", "acronyms": ["COE"], "aliases": []},
    {
        "name": "Parliamentary Assembly of the Council of Europe",
        "acronym": "PACE",
        "aliases": [],
    },
    {
        "name": "North Atlantic Treaty Organization",
        "acronym": "NATO",
        "aliases": ["North Atlantic Treaty Organisation", "North Atlantic Alliance"],
    },
    {"name": "BRICS", "acronym": "BRICS", "aliases": []},
    {
        "name": "Group of Seven",
        "acronym": "G7",
        "acronyms": ["G-7"],
        "aliases": ["Group of 7"],
    },
    {
        "name": "Group of Eight",
        "acronym": "G8",
        "acronyms": ["G-8"],
        "aliases": ["Group of 8"],
    },
    {
        "name": "Group of Twenty",
        "acronym": "G20",
        "acronyms": ["G-20"],
        "aliases": ["Group of 20"],
    },
    {
        "name": "Group of 77",
        "acronym": "G77",
        "acronyms": ["G-77"],
        "aliases": ["Group of Seventy-Seven"],
    },
    {
        "name": "Organization of Turkic States",
        "acronym": "OTS",
        "aliases": ["Council of Turkic States", "Turkic Council"],
    },
    {
        "name": "Commonwealth of Independent States",
        "acronym": "CIS",
        "aliases": [],
    },
    {
        "name": "Collective Security Treaty Organization",
        "acronym": "CSTO",
        "aliases": [],
    },
    {"name": "Shanghai Cooperation Organisation", "acronym": "SCO", "aliases": []},
    {
        "name": "Organization for Democracy and Economic Development",
        "acronym": "GUAM",
        "aliases": [],
    },
    {"name": "Economic Cooperation Organization", "acronym": "ECO", "aliases": []},
    {
        "name": "Conference on Interaction and Confidence-Building Measures in Asia",
        "acronym": "CICA",
        "aliases": [],
    },
    {"name": "Arab League", "acronym": "", "aliases": ["League of Arab States"]},
    {"name": "African Union", "acronym": "AU", "aliases": []},
    {"name": "European Union", "acronym": "EU", "aliases": []},
    {"name": "United Nations", "acronym": "UN", "acronyms": ["U.N."], "aliases": []},
    {
        "name": "United Nations Security Council",
        "acronym": "UNSC",
        "aliases": ["UN Security Council", "U.N. Security Council", "Security Council"],
    },
    {
        "name": "United Nations General Assembly",
        "acronym": "UNGA",
        "aliases": ["UN General Assembly", "U.N. General Assembly"],
    },
    {"name": "World Bank", "acronym": "", "aliases": ["World Bank Group"]},
    {"name": "International Monetary Fund", "acronym": "IMF", "aliases": []},
    # A Swiss foundation, not an intergovernmental body; listed here, among the
    # forums, so that the organisations' ids do not move.
    {"name": "World Economic Forum", "acronym": "WEF", "aliases": [], "kind": "ngo"},
    {
        "name": "Islamic Cooperation Youth Forum",
        "acronym": "ICYF",
        "aliases": ["Islamic Conference Youth Forum", "Islamic Conference of Youth Forum"],
    },
    {
        "name": "Parliamentary Union of the OIC Member States",
        "acronym": "PUIC",
        "aliases": [
            "Parliamentary Union of OIC Member States",
            "Islamic Conference of Parliamentary Union",
        ],
    },
    {
        "name": "Statistical, Economic and Social Research and Training Centre for "
        "Islamic Countries",
        "acronym": "SESRIC",
        "aliases": [],
    },
    {
        "name": "Islamic Chamber of Commerce, Industry and Agriculture",
        "acronym": "ICCIA",
        "aliases": [],
    },
    {
        "name": "International Committee of the Red Cross",
        "acronym": "ICRC",
        "aliases": [],
    },
    {"name": "International Criminal Court", "acronym": "ICC", "aliases": []},
    {"name": "International Court of Justice", "acronym": "ICJ", "aliases": []},
    {
        "name": "Organization for Security and Co-operation in Europe",
        "acronym": "OSCE",
        "aliases": ["Organisation for Security and Co-operation in Europe"],
    },
    {"name": "OSCE Minsk Group", "acronym": "", "aliases": ["Minsk Group"]},
    {"name": "European Commission", "acronym": "", "aliases": []},
    {"name": "European Parliament", "acronym": "", "aliases": []},
    {"name": "European Council", "acronym": "", "aliases": []},
    {"name": "Eurasian Economic Union", "acronym": "EAEU", "aliases": []},
    {"name": "Gulf Cooperation Council", "acronym": "GCC", "aliases": []},
    {"name": "Association of Southeast Asian Nations", "acronym": "ASEAN", "aliases": []},
    {"name": "Organization of American States", "acronym": "OAS", "aliases": []},
    {
        "name": "Organization of the Petroleum Exporting Countries",
        "acronym": "OPEC",
        "aliases": [],
    },
    {"name": "OPEC+", "acronym": "", "aliases": ["OPEC Plus"]},
    {"name": "Quad", "acronym": "", "aliases": ["Quadrilateral Security Dialogue"]},
    {"name": "Taliban", "acronym": "", "aliases": [], "kind": "other"},
    {"name": "Hamas", "acronym": "", "aliases": [], "kind": "other"},
    {"name": "Hezbollah", "acronym": "", "aliases": [], "kind": "other"},
    {
        "name": "ISIS",
        "acronym": "ISIS",
        "acronyms": ["ISIL", "Daesh"],
        "aliases": ["Islamic State"],
        "kind": "other",
    },
    {
        "name": "Al-Qaeda",
        "acronym": "",
        "aliases": ["al-Qaeda", "al-Qaida", "Al-Qaida"],
        "kind": "other",
    },
    # Government bodies named without their country in news.
    {
        "name": "U.S. Department of State",
        "acronym": "",
        "aliases": [
            "US Department of State",
            "United States Department of State",
            "Department of State",
            "State Department",
            "U.S. State Department",
            "US State Department",
        ],
        "kind": "government",
    },
    {
        "name": "U.S. Department of Defense",
        "acronym": "",
        "aliases": [
            "US Department of Defense",
            "Department of Defense",
            "Pentagon",
            "Defense Department",
        ],
        "kind": "government",
    },
    {
        "name": "U.S. Department of the Treasury",
        "acronym": "",
        "aliases": [
            "US Department of the Treasury",
            "Department of the Treasury",
            "Treasury Department",
            "U.S. Treasury",
        ],
        "kind": "government",
    },
    {"name": "White House", "acronym": "", "aliases": [], "kind": "government"},
    {"name": "Kremlin", "acronym": "", "aliases": [], "kind": "government"},
    {
        "name": "U.S. Congress",
        "acronym": "",
        "aliases": ["US Congress", "United States Congress"],
        "kind": "government",
    },
    {
        "name": "Ministry of Foreign Affairs of Azerbaijan",
        "acronym": "",
        "aliases": [
            "Azerbaijani Foreign Ministry",
            "Azerbaijan's Foreign Ministry",
            "Azerbaijani Ministry of Foreign Affairs",
            "Ministry of Foreign Affairs of the Republic of Azerbaijan",
        ],
        "kind": "government",
    },
    {
        "name": "Milli Majlis",
        "acronym": "",
        "aliases": ["Milli Majlis of Azerbaijan"],
        "kind": "government",
    },
    # A few news agencies that are quoted as sources in diplomatic news.
    {"name": "Reuters", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Associated Press", "acronym": "AP", "aliases": [], "kind": "media"},
    {"name": "Agence France-Presse", "acronym": "AFP", "aliases": [], "kind": "media"},
    {
        "name": "TASS",
        "acronym": "TASS",
        "aliases": ["ITAR-TASS", "Itar-Tass", "Tass"],
        "kind": "media",
    },
    {"name": "Xinhua", "acronym": "", "aliases": ["Xinhua News Agency"], "kind": "media"},
    {"name": "Anadolu Agency", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "AZERTAC", "acronym": "AZERTAC", "aliases": ["Azertac"], "kind": "media"},
    # Other agencies, broadcasters and papers that diplomatic news quotes.
    {"name": "Interfax", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "RIA Novosti", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Kyodo News", "acronym": "", "aliases": ["Kyodo"], "kind": "media"},
    {"name": "Yonhap", "acronym": "", "aliases": ["Yonhap News Agency"], "kind": "media"},
    {"name": "ANSA", "acronym": "ANSA", "aliases": [], "kind": "media"},
    {"name": "EFE", "acronym": "EFE", "aliases": [], "kind": "media"},
    {"name": "Deutsche Presse-Agentur", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Press Trust of India", "acronym": "PTI", "aliases": [], "kind": "media"},
    {"name": "Islamic Republic News Agency", "acronym": "IRNA", "aliases": [], "kind": "media"},
    {"name": "Middle East News Agency", "acronym": "MENA", "aliases": [], "kind": "media"},
    {"name": "Korean Central News Agency", "acronym": "KCNA", "aliases": [], "kind": "media"},
    {"name": "Bernama", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Antara", "acronym": "", "aliases": ["Antara News Agency"], "kind": "media"},
    {"name": "Ukrinform", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "BelTA", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Kazinform", "acronym": "", "aliases": [], "kind": "media"},
    {
        "name": "British Broadcasting Corporation",
        "acronym": "BBC",
        "aliases": [],
        "kind": "media",
    },
    {"name": "CNN", "acronym": "CNN", "aliases": [], "kind": "media"},
    {"name": "Al Jazeera", "acronym": "", "aliases": ["Al-Jazeera"], "kind": "media"},
    {"name": "Voice of America", "acronym": "VOA", "aliases": [], "kind": "media"},
    {
        "name": "Radio Free Europe/Radio Liberty",
        "acronym": "RFE/RL",
        "aliases": ["Radio Free Europe", "Radio Liberty"],
        "kind": "media",
    },
    {"name": "Deutsche Welle", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Euronews", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Bloomberg", "acronym": "", "aliases": ["Bloomberg News"], "kind": "media"},
    {"name": "Le Monde", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Le Figaro", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Der Spiegel", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "El País", "acronym": "", "aliases": ["El Pais"], "kind": "media"},
    {"name": "Corriere della Sera", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Asahi Shimbun", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Yomiuri Shimbun", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "People's Daily", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Pravda", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Izvestia", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Kommersant", "acronym": "", "aliases": [], "kind": "media"},
    {"name": "Hürriyet", "acronym": "", "aliases": ["Hurriyet"], "kind": "media"},
    {"name": "Al-Ahram", "acronym": "", "aliases": ["Al Ahram"], "kind": "media"},
    {"name": "Haaretz", "acronym": "", "aliases": [], "kind": "media"},
    # Non-governmental organisations and think tanks often quoted on diplomacy.
    {"name": "Amnesty International", "acronym": "", "aliases": [], "kind": "ngo"},
    {"name": "Human Rights Watch", "acronym": "", "aliases": [], "kind": "ngo"},
    {
        "name": "Médecins Sans Frontières",
        "acronym": "MSF",
        "aliases": ["Medecins Sans Frontieres", "Doctors Without Borders"],
        "kind": "ngo",
    },
    {"name": "Greenpeace", "acronym": "", "aliases": [], "kind": "ngo"},
    {"name": "Transparency International", "acronym": "", "aliases": [], "kind": "ngo"},
    {"name": "Oxfam", "acronym": "", "aliases": ["Oxfam International"], "kind": "ngo"},
    {"name": "Save the Children", "acronym": "", "aliases": [], "kind": "ngo"},
    {"name": "International Crisis Group", "acronym": "", "aliases": [], "kind": "ngo"},
    {
        "name": "Reporters Without Borders",
        "acronym": "RSF",
        "aliases": ["Reporters Sans Frontières", "Reporters Sans Frontieres"],
        "kind": "ngo",
    },
    {"name": "Committee to Protect Journalists", "acronym": "CPJ", "aliases": [], "kind": "ngo"},
    {"name": "Freedom House", "acronym": "", "aliases": [], "kind": "ngo"},
    {"name": "International Rescue Committee", "acronym": "", "aliases": [], "kind": "ngo"},
    {"name": "Norwegian Refugee Council", "acronym": "", "aliases": [], "kind": "ngo"},
    {"name": "Chatham House", "acronym": "", "aliases": [], "kind": "ngo"},
    {"name": "Council on Foreign Relations", "acronym": "", "aliases": [], "kind": "ngo"},
    {
        "name": "Carnegie Endowment for International Peace",
        "acronym": "",
        "aliases": [],
        "kind": "ngo",
    },
    {"name": "Brookings Institution", "acronym": "", "aliases": [], "kind": "ngo"},
    {"name": "Open Society Foundations", "acronym": "", "aliases": [], "kind": "ngo"},
]

# Acronyms from SupraVerden that are ordinary words, names or too ambiguous to
# match on their own (they still resolve when an article defines them).
ACRONYMS_DROPPED = {
    "ERA",
    "ELI",
    "ESS",
    "FRA",
    "ACER",
    "SESAME",
    "INSTRUCT",
    "SHARE",
    "CAN",
    "IT",
    "AG",
    "PA",
    "NC",
    "CP",
    "ZC",
    "FZ",
    "BA",
    "AL",
    "C",
    "CD",
    "CE",
    "EP",
    "WB",
    "ISC",
    "IMC",
    "MSG",
    "SAU",
    "SRB",
    "INL",
    "NPI",
    "LTA",
    "IIN",
    "IIR",
    "CIM",
    "CIP",
    "ETI",
    "ITC",
    "PCB",
    "ETF",
    "EDA",
    "EBA",
    "ELA",
    "EMA",
    "ECA",
    "ECE",
    "ISA",
    "CFC",
    "CBD",
    "MRC",
    "SDF",
    "TDB",
    "UPC",
    "APT",
    "ACS",
    "ATU",
    "BIC",
    "BIE",
    "CPD",
    "CND",
    "CSW",
    "EEA",
    "ESA",
    "ESM",
    "ARC",
    "AMA",
    "CCA",
    "CLE",
    "PCA",
    "SPC",
    "JIV",
    "LOFAR",
    "ERIC",
    "ICOS",
    "EPOS",
    "EMSO",
    "ECHR",
    "AP",
    "EMU",
    "EAS",
    "NEA",
    "IEA",
    "ACP",
    "AMF",
    "IOC",
    "ISO",
}

# Alternative names in the data that are generic and would mislabel national bodies.
ORG_NAMES_DROPPED = {
    "Council of ministers",
    "Council of Ministers",
    "Economic and Social Council",
    "Human Rights Council",
    "Statistical Commission",
    "Joint Inspection Unit",
    "Commission for Social Development",
    "Commonwealth",
    "Benelux",
    "Danube Commission Secretariat",
}

# -- Events --------------------------------------------------------------------

# Named events whose dates every article takes for granted.
CURATED_EVENTS: list[dict] = [
    {
        "name": "Second Karabakh War",
        "kind": "war",
        "aliases": [
            "44-day war",
            "44-Day War",
            "Second Nagorno-Karabakh War",
            "2020 Nagorno-Karabakh war",
            "2020 Karabakh war",
            "Patriotic War",
        ],
        "start": "2020-09-27",
        "end": "2020-11-10",
        "place": "Karabakh",
    },
    {
        "name": "First Karabakh War",
        "kind": "war",
        "aliases": ["First Nagorno-Karabakh War"],
        "start": "1988-02-20",
        "end": "1994-05-12",
        "place": "Karabakh",
    },
    {
        "name": "Khojaly genocide",
        "kind": "other",
        "aliases": ["Khojaly Genocide", "Khojaly massacre", "Khojaly tragedy"],
        "start": "1992-02-26",
        "end": "1992-02-26",
        "place": "Khojaly",
    },
    {
        "name": "World War I",
        "kind": "war",
        "aliases": ["First World War", "WWI", "World War One"],
        "start": "1914-07-28",
        "end": "1918-11-11",
    },
    {
        "name": "World War II",
        "kind": "war",
        "aliases": ["Second World War", "WWII", "World War Two"],
        "start": "1939-09-01",
        "end": "1945-09-02",
    },
    {"name": "Cold War", "kind": "war", "aliases": [], "start": "1947-03-12", "end": "1991-12-26"},
    {"name": "Gulf War", "kind": "war", "aliases": [], "start": "1990-08-02", "end": "1991-02-28"},
    {"name": "Iraq War", "kind": "war", "aliases": [], "start": "2003-03-20", "end": "2011-12-18"},
    {
        "name": "Korean War",
        "kind": "war",
        "aliases": [],
        "start": "1950-06-25",
        "end": "1953-07-27",
    },
    {
        "name": "Vietnam War",
        "kind": "war",
        "aliases": [],
        "start": "1955-11-01",
        "end": "1975-04-30",
    },
    {
        "name": "Russian invasion of Ukraine",
        "kind": "war",
        "aliases": ["Russia's invasion of Ukraine", "Russia’s invasion of Ukraine"],
        "start": "2022-02-24",
        "place": "Ukraine",
    },
    {
        "name": "Paris Agreement",
        "kind": "agreement",
        "aliases": ["Paris Climate Agreement"],
        "start": "2015-12-12",
        "place": "Paris",
    },
    {
        "name": "Joint Comprehensive Plan of Action",
        "kind": "agreement",
        "aliases": ["JCPOA", "Iran nuclear deal"],
        "start": "2015-07-14",
        "place": "Vienna",
    },
    {
        "name": "Abraham Accords",
        "kind": "agreement",
        "aliases": [],
        "start": "2020-09-15",
        "place": "Washington",
    },
    {
        "name": "Dayton Agreement",
        "kind": "agreement",
        "aliases": ["Dayton Accords", "Dayton Peace Agreement"],
        "start": "1995-11-21",
    },
    {
        "name": "Minsk agreements",
        "kind": "agreement",
        "aliases": ["Minsk Agreements", "Minsk Protocol"],
        "start": "2014-09-05",
        "place": "Minsk",
    },
    {
        "name": "Trilateral Statement of 10 November 2020",
        "kind": "agreement",
        "aliases": ["trilateral statement of 10 November 2020", "November 10 trilateral statement"],
        "start": "2020-11-10",
    },
    {
        "name": "COP26",
        "kind": "conference",
        "aliases": [],
        "start": "2021-10-31",
        "end": "2021-11-13",
        "place": "Glasgow",
    },
    {
        "name": "COP27",
        "kind": "conference",
        "aliases": [],
        "start": "2022-11-06",
        "end": "2022-11-20",
        "place": "Sharm el-Sheikh",
    },
    {
        "name": "COP28",
        "kind": "conference",
        "aliases": [],
        "start": "2023-11-30",
        "end": "2023-12-13",
        "place": "Dubai",
    },
    {
        "name": "COP29",
        "kind": "conference",
        "aliases": [],
        "start": "2024-11-11",
        "end": "2024-11-22",
        "place": "Baku",
    },
    {
        "name": "COP30",
        "kind": "conference",
        "aliases": [],
        "start": "2025-11-10",
        "end": "2025-11-21",
        "place": "Belém",
    },
]

# -- Names ---------------------------------------------------------------------

# Common given names in diplomatic news (English, Arabic, Turkic, Persian,
# Slavic, South Asian, African, East Asian romanisations). A capitalised pair
# starting with one of these is evidence of a person.
GIVEN_NAMES = """
Aaron Abbas Abdallah Abdel Abdelaziz Abdelfattah Abdul Abdulaziz Abdulla Abdullah
Abdurrahman Abe Abel Abhishek Abiy Adam Adel Adil Adnan Adrian Ahmad Ahmed Ahmet
Aidan Aisha Akbar Akif Akmal Akram Alan Albert Alberto Aleksandar Aleksandr
Alexander Alexandra Alexandre Alexei Alexey Alexis Ali Alicia Alisher Alison Amanda
Amin Amina Amir Amr Amy Ana Anar Anas Anatoly Anders Andre Andrea Andreas Andrei
Andrew Andrey Andrzej Angela Angelina Ann Anna Annalena Anne Anthony Antonio Antony
Anwar Arif Arkady Armen Arnold Arsen Arthur Asad Asif Aslan Atif Audrey Ayaz Aydin
Ayman Azer Aziz Bakhrom Bakhtiyar Bakir Barack Bashar Beata Ben Benjamin Bernard
Bilal Bill Bob Boris Brian Bruno Burak Camille Carl Carlos Caroline Catherine Cem
Charles Charlotte Chen Chris Christian Christina Christine Christopher Claire
Claudia Colin Cyril Daniel Daniela Daniyar Dara David Deborah Denis Dennis Diana
Dmitry Dmytro Donald Edgar Eduard Edward Elchin Elena Elif Elizabeth Elmar Elmira
Elnur Elshad Emil Emin Emine Emmanuel Emomali Eric Erik Ersin Eugene Fahad Faisal
Farhad Farid Farida Fatih Fatima Fazil Felix Ferhat Fidan Fikret Frank Frederick
Fuad Gabriel Galib Gary George Georgi Gerhard Gintautas Giorgi Giorgia Giuseppe
Gordon Gulnara Gustavo Habib Hafiz Hakan Hamad Hamid Hamza Hans Harry Hasan Hassan
Heiko Helen Henry Hikmat Hikmet Hissein Hugo Hulusi Hussain Hussein Ian Ibrahim Igor
Ilham Ilya Imran Irina Isa Isabel Ismail Ivan Jack Jake Jakub James Jamie Jan Jane
Janet Jason Javad Javier Jean Jeanne Jeff Jeffrey Jennifer Jens Jeppe Jeyhun Jim
Joachim Joe Johann John Jonathan Jorge Jose Josep Joseph Josh Juan Julia Julian
Julie Jurgen Justin Kamal Kamran Karen Karim Kassym-Jomart Kate Katherine Kemal
Kenan Kenneth Kevin Khalid Khalil Kim Kirill Klaus Kristalina Kurban Lale Laman
Lamiya Larry Laura Leila Leyla Li Linda Lloyd Lorenzo Louis Luis Lukas Madina
Mahmoud Mahmud Maia Majid Malik Mammad Mansour Mansur Marc Marco Margarita Maria
Marie Marina Mario Mark Markus Marta Martin Mary Masoud Matthew Maxim Mehdi Mehmet
Mehriban Mevlut Michael Michel Miguel Mikayil Mike Mikhail Milorad Mohamed Mohammad
Mohammed Muhammad Muhammed Mukhtar Murad Murat Musa Mustafa Nabil Nadia Naftali
Najib Nancy Narendra Nasser Natalia Nathalie Nazim Ned Neil Nicolas Nigar Nikol
Nikolai Nikolay Nizami Noah Novruz Nuri Olaf Olga Oliver Omar Orhan Orkhan Oscar
Osman Otabek Pablo Pascal Patrick Paul Pedro Peter Philip Philippe Pierre Qasim
Rafael Rahim Rahman Ramil Ramiz Ramzan Rashad Rashid Rauf Rebecca Recep Reza Richard
Robert Roberto Rodrigo Roman Rosa Rovshan Ruslan Ryan Saad Sabina Sadyr Sahiba Said
Saleh Salim Salman Sam Samir Samuel Sara Sarah Saud Scott Sebastian Serdar Sergei
Sergey Serzh Shahin Shahmar Shavkat Simon Sofia Sophie Stefan Stephen Steve Steven
Susan Svetlana Tamara Tamim Taras Tariq Tatiana Taylor Teymur Thomas Timur Todd Tom
Tony Turan Ulrich Umar Ursula Usman Vafa Vagif Valentina Valeriy Vasily Viktor
Viktoria Vilayat Vincent Vladimir Volodymyr Walid Walter Wang William Xavier Yasin
Yasser Yousef Yuri Yusuf Zakir Zarina Zaur Zhang Ziya Zohrab Zoran
"""


# -- Checks --------------------------------------------------------------------


def find_table_problems(
    *,
    places: list[tuple[str, str, str, list[str]]],
    orgs: list[dict],
    events: list[dict],
    country_aliases: dict[str, list[str]],
    country_demonyms: dict[str, list[str]],
) -> list[str]:
    """Names given twice across the tables (the builder would silently keep the
    first), acronyms given to two organisations, and unknown kinds."""
    names = [
        Entry(f"CURATED_PLACES[{i}] ({name!r})", (name, *aliases), kind, PLACE_KINDS)
        for i, (name, kind, _country, aliases) in enumerate(places)
    ]
    names += [
        Entry(
            f"CURATED_ORGS[{i}] ({org['name']!r})",
            (org["name"], *org.get("aliases", ())),
            org.get("kind", "intergovernmental"),
            ORGANISATION_KINDS,
        )
        for i, org in enumerate(orgs)
    ]
    names += [
        Entry(
            f"CURATED_EVENTS[{i}] ({event['name']!r})",
            (event["name"], *event.get("aliases", ())),
            event.get("kind"),
            EVENT_KINDS,
        )
        for i, event in enumerate(events)
    ]
    names += [
        Entry(f"COUNTRY_EXTRA_ALIASES[{cca3!r}]", tuple(aliases))
        for cca3, aliases in country_aliases.items()
    ]
    acronyms = [
        Entry(
            f"CURATED_ORGS[{i}] ({org['name']!r})",
            (org.get("acronym", ""), *org.get("acronyms", ())),
        )
        for i, org in enumerate(orgs)
    ]
    demonyms = [
        Entry(f"COUNTRY_EXTRA_DEMONYMS[{cca3!r}]", tuple(words))
        for cca3, words in country_demonyms.items()
    ]
    return (
        find_problems(__name__, names)
        + find_problems(__name__, acronyms, key=str)
        + find_problems(__name__, demonyms, key=str)
    )


check(
    find_table_problems(
        places=CURATED_PLACES,
        orgs=CURATED_ORGS,
        events=CURATED_EVENTS,
        country_aliases=COUNTRY_EXTRA_ALIASES,
        country_demonyms=COUNTRY_EXTRA_DEMONYMS,
    )
)
