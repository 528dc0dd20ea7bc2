"""Closed word lists the rule extractor reasons with.

These are grammar, not reference data: titles, head nouns that make a
capitalised phrase an organisation, event or place, and words that are never
names. Reference data (countries, organisations, leaders) lives in
``fixtures/reference``.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list."""
    return frozenset(text.split())


# Honorifics show that a name follows but are not a role.
HONORIFICS = words(
    """Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Miss Prof Prof. Professor Sir Dame Lord Lady
    Hon Hon. Honorable Honourable H.E. Excellency Rev Rev. Reverend Mullah Maulawi
    Haji Hajji Sayyid Sheikh Sheikha Shaikh Prince Princess"""
)

# Nouns that end a title and can be followed directly by a name.
TITLE_HEADS = words(
    """President President-elect Vice-President Premier Chancellor King Queen Emperor
    Empress Prince Princess Crown Sheikh Sheikha Shaikh Emir Amir Sultan Pope Leader
    Speaker Chairman Chairwoman Chairperson Chair Co-Chair Secretary Secretary-General
    Under-Secretary-General Undersecretary Minister Ministers Ambassador
    Ambassador-at-Large Envoy Representative Director Director-General Head Chief
    Commissioner Governor Governor-General Mayor Senator Congressman Congresswoman
    Spokesperson Spokesman Spokeswoman Admiral Colonel Commander Marshal General
    Judge Prosecutor Attorney Professor Imam Patriarch Archbishop Bishop Cardinal
    Rabbi Mufti Adviser Advisor Counselor Counsellor Coordinator Assistant Deputy
    Rector CEO Chargé Lieutenant Captain Sergeant Consul Consul-General Delegate
    Ombudsman Founder Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Dame Lord Lady
    Gen. Gen Col. Lt. Sen. Rep. Gov. Amb. Capt. Maj. Adm. Mullah Maulawi Premier
    Taoiseach Vice Chairman-in-Office Official Officer Negotiator Emissary Attaché
    Aide Correspondent Editor Journalist Analyst Expert MP Elect President-Elect
    Administrator"""
)

# Titles strong enough to accept a lone surname ("President Biden", "Mr. Price").
STRONG_TITLES = words(
    """President President-elect Premier Chancellor King Queen Emperor Sheikh Sheikha
    Emir Amir Sultan Pope Speaker Secretary Secretary-General Minister Ambassador
    Envoy Senator Congressman Congresswoman Governor Mayor Spokesperson Spokesman
    Spokeswoman Admiral Commissioner Chairman Chairwoman Prince Princess Imam
    Patriarch Cardinal Rabbi Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor Sir
    Dame Lord Lady Gen. Col. Sen. Rep. Gov. Amb. Taoiseach Director-General
    Under-Secretary-General Vice-President"""
)

# Words that qualify a title in front of its head ("Deputy Assistant Administrator").
TITLE_MODIFIERS = words(
    """Deputy Assistant Acting Interim Vice Senior Principal Associate Special Chief
    Executive First Under Permanent Lead Managing Former"""
)

# Everything that may appear inside a role ("Minister of Foreign Affairs of",
# "Assistant Secretary-General for Economic Affairs"): such words never start a
# person's name, which is how a name is cut off the title in front of it.
ROLE_WORDS = TITLE_HEADS | words(
    """Vice Deputy First Second Third Assistant Acting Interim Former Prime Foreign
    Defense Defence Finance Interior Economy Economic Economics Energy Trade Justice
    Health Education Culture Cultural Agriculture Transport Transportation Labour
    Labor Environment Environmental Ecology Science Sciences Technology Technologies
    Digital Development Tourism Sport Sports Youth Emergency Emergencies Situations
    Security Intelligence Planning Investment Investments Communications
    Communication Information Infrastructure Housing Water Resources Natural Mining
    Oil Gas Petroleum Fisheries Social Protection Welfare Family Women Children
    Human Rights Religious Religion Diaspora Migration Immigration Homeland Public
    Administration Administrative Regional Local Government Political Military
    Strategic Legal International Relations Cooperation Integration Reform Reforms
    Reconstruction Innovation Innovations Research Management Policy Operations
    Programs Programmes Multilateral Bilateral Consular Press Media Budget Treasury
    Revenue Taxes Customs Commerce Business Enterprise Entrepreneurship Heritage
    Arts Antiquities Endowments Hajj Affairs State States Cabinet Office Staff
    Armed Forces Army Navy Air Force Mission Delegation Embassy Council Committee
    Commission Department Ministry Bureau Directorate Parliament Assembly Republic
    Federation Kingdom National Federal Central Supreme Senior High Special
    Permanent Executive Under Associate Principal Lead Member Members Managing
    Extraordinary Plenipotentiary Large Resident Regent Grand Chief-of-Staff Joint
    Parliamentary Presidential Royal Highness Majesty Excellency Holiness General
    Generals Industry Industries Economy Finances Justice Trade Statistics Tax
    Cyber Peace Global Policies Institutional Organizational Humanitarian Crisis
    Climate Sustainable Sustainability Nuclear Arms Control Disarmament Counter
    Counterterrorism Terrorism Narcotics Democracy Governance Partnerships Civil
    Society Outreach Afghanistan-Pakistan Asia-Pacific Commerce Logistics Ecology
    Labour Employment Urban Rural Light Heavy Manufacturing Space Aviation
    Maritime Ports Railways Roads Highways Telecommunications Posts Mass Youth
    Physical Veterans Martyrs Families Prosecutor's General's Islamic"""
)

CONSULATE_GENERAL = "Consulate General"
# Heads of diplomatic posts, which a city written after them names ("U.S. Embassy Kyiv").
DIPLOMATIC_POSTS = frozenset({"Embassy", "Consulate", CONSULATE_GENERAL, "Mission"})
# Titles of a leader's spouse, as name keys: who is called so holds no office by them.
SPOUSE_TITLES = frozenset({"first lady", "first gentleman"})
# A capitalised phrase ending in one of these is an organisation of that kind.
ORG_HEADS: dict[str, str] = {
    **dict.fromkeys(
        words(
            """Ministry Department Government Cabinet Parliament Senate Congress Majlis Milli
            Embassy Consulate Administration Army Navy Forces Police Guard Guards
            Gendarmerie Presidency Secretariat Prosecutor's Judiciary Kremlin MFA MOFA MoFA
            MOD MoD"""
        ),
        "government",
    ),
    # One head of two words: a consulate general is a post, "General" no title.
    CONSULATE_GENERAL: "government",
    **dict.fromkeys(
        words(
            """Company Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC PLC Holding Holdings
            Airlines Airways Bank Industries Motors Co Co. Plc AG SA S.A. NV N.V. BV GmbH
            AB ASA Oyj SpA Bhd Berhad Pty Limited Exchange Bancorp Securities Insurance
            JSC OJSC PJSC CJSC Pte Pvt FZE FZCO LLP SARL Trading Shipping"""
        ),
        "company",
    ),
    **dict.fromkeys(
        words(
            """News Times Post Press Radio Television TV Media Gazette Herald Tribune Journal
            Telegraph Newsroom Newsdesk Desk"""
        ),
        "media",
    ),
    **dict.fromkeys(
        words(
            """Foundation Association Society Federation Network Alliance Coalition
            Club League Party Front Movement Watch Institute Institution Trust Fund Group
            Council Committee Commission Agency Union Organization Organisation Assembly
            Court Tribunal Authority Board Bureau Office Centre Center Chamber University
            Academy College School Service Services Observatory Mission Community
            Partnership Consortium Church Brigade Brigades Battalion Division
            Regiment Command Hospital Library Museum Team Taliban Hezbollah Hamas FC
            F.C. AFC Producers Corps United Rovers Wanderers Athletic Rangers Albion"""
        ),
        "other",
    ),
}

# Heads of the names of programmes, plans and laws ("Caribbean Energy Security
# Initiative", "Global Entry Program", "Arms Export Control Act"): things run or
# enacted, not organisations (one the reference data knows is matched whole).
# A "Partnership" is one too ("U.S.-India Strategic Partnership", "Quad Vaccine
# Partnership"); one named "for" something stays a body ("Global Partnership
# for Education"), as "Partnership" is still an organisation's head.
PROGRAMME_HEADS = words(
    """Initiative Initiatives Program Programs Programme Programmes Plan Plans
    Strategy Strategies Framework Act Resolution Partnership Partnerships"""
)

# Definite articles of other languages that open a name ("La Jornada", "O
# Globo", "Die Welt"); "De", "Van", "Al", "Les", "Das" open people's names too.
FOREIGN_ARTICLES = words("La Le El Los Las Il Gli O Os Die Der Het")

# Places whose names are also English words ("a Nice gesture", "Reading the
# report", "Split decision"): places only where the sentence reads them so.
WORD_PLACES = words("Nice Reading Mobile Split Bath Deal Sale Hope Liberty Independence Mold")

# Companies' legal forms written before the name ("PJSC Sovcombank").
LEGAL_PREFIXES = words("PJSC JSC OJSC CJSC OAO ZAO OOO PAO AO")

# Heads that take "on" as well ("Committee on the Elimination of Racial
# Discrimination", "Commission on the Status of Women").
ORG_HEADS_ON = words("Committee Subcommittee Commission Council Panel")

# Words that name a sports competition, not a body, before "League".
COMPETITION_WORDS = words(
    """Premier Major Minor Super Champions National American European Football Rugby
    Basketball Hockey Baseball Cricket Professional First Second Third Division Youth"""
)

# Heads of the names of lists and registers ("Cuba Restricted List"): no
# organisation, and the names inside them are no mentions.
DOCUMENT_HEADS = words("List Lists Register Registry")

# Abbreviations that open the name of a sports club ("FC Linz", "AC Milan").
CLUB_PREFIXES = frozenset(words("FC F.C. AC AS SC SV CF CD FK NK SK KS"))

# Heads that make a phrase an organisation when they come first and take "of".
ORG_HEADS_FIRST = frozenset(
    words(
        """Ministry Department Embassy Consulate Office Bank Council Organization
            Organisation University Academy Institute Government Parliament Court Union
            Federation Association League Commission Committee Assembly Chamber Agency
            Cabinet Secretariat Presidency Mission Board Fund Army Navy Republic Kingdom
            Party Network Alliance Center Centre Coalition College School Church Society
            Administration Service Command Bureau Directorate Division Unit Institution
            Foundation Museum Library Hospital Observatory Authority Tribunal House
            Times"""
    )
) | {CONSULATE_GENERAL}

# Heads of that list that also take "for": "Agency for International
# Development", "Center for Strategic Studies", "Office for Democratic ...".
ORG_HEADS_FOR = frozenset(
    words(
        """Agency Bureau Office Center Centre Institute Commission Council Committee Fund
            Foundation Alliance Coalition Organization Organisation Partnership Association
            Society Network Union Federation Authority Directorate League"""
    )
)

# A head written alone ("the Commission 's spokesman", "passed the Senate"):
# a back-reference to the organisation the article names in full ("European
# Commission", "U.S. Senate"), never a name of its own. The names of
# legislatures and treasuries are proper names alone ("Congress would vote").
BARE_ORG_HEADS = words(
    """Commission Council Committee Assembly Ministry Treasury Parliament Department
    Bureau Agency Authority Bank Board Association Organisation Organization Union
    Coalition Alliance Tribunal Fund Embassy Army Navy Senate Congress House"""
)
PROPER_BARE_HEADS = words("Senate Congress Treasury House")

EVENT_HEADS: dict[str, str] = {
    "Summit": "summit",
    "Forum": "forum",
    "Conference": "conference",
    "Symposium": "conference",
    "Seminar": "conference",
    "Workshop": "conference",
    "Session": "session",
    "Sessions": "session",
    "Meeting": "meeting",
    "Meetings": "meeting",
    "Talks": "meeting",
    "Dialogue": "meeting",
    "Negotiations": "meeting",
    "Ministerial": "meeting",
    "War": "war",
    "Wars": "war",
    "Agreement": "agreement",
    "Treaty": "agreement",
    "Accord": "agreement",
    "Accords": "agreement",
    "Declaration": "agreement",
    "Protocol": "agreement",
    "Pact": "agreement",
    "Memorandum": "agreement",
    "Convention": "agreement",
    "Conventions": "agreement",
    "Games": "other",
    "Series": "other",
    "Olympics": "other",
    "Expo": "other",
    "Exhibition": "other",
    "Festival": "other",
    "Cup": "other",
    "Trophy": "other",
    "Championship": "other",
    "Championships": "other",
    "Open": "other",
    "Classic": "other",
    "Rally": "other",
    "Prix": "other",
    "Stakes": "other",
    "Marathon": "other",
    "Tournament": "other",
    "Process": "other",
    "Revolution": "war",
    "Battle": "war",
    "Siege": "war",
    "Uprising": "war",
    "Crisis": "other",
    "Visit": "visit",
}

# Determiners and quantifiers that never start a name, wherever they stand.
DETERMINERS = words(
    "The A An This That These Those Last Next Every Each Our Their His Her Its My "
    "Your Any Some No Another Such"
)

# Function words that headlines capitalise ("Blinken and Popescu Before Their
# Meeting"): a capitalised run is cut at them.
TITLE_CASE_BREAKS = DETERMINERS | words(
    """Before After With Without In At On To From During Into Onto Over About Between
    Among Against Through For Of And Or But Nor Is Are Was Were Be Been Will Would
    Can Could Should Might Must Has Have Had As Than Via Per Amid Ahead Following
    Upon By We They He She It I You Us Them Who What When Where Why How Not Also"""
)

# Capitalised common nouns that end titles of things, not people: a phrase
# ending in one is no person even with a speech verb after it.
NOT_PERSON_WORDS = words(
    """Day Days House Week Year Month Plan Act Law Bill Report Strategy Statement
    Office Building Room Center Centre Award Prize Fund Program Programme Project
    Policy Framework Day Night Month Anniversary Holiday Festival Memorial Tower
    Gate Wall Square Hall Street Avenue Road Station Airport Palace Park Embassy
    Consulate Agreement Treaty Declaration Initiative Campaign Plan Vision Mission
    Road Corridor Pipeline Project Program Line Council Court Team Press Media
    News Times Post Ministry Department Service Services Agency Bank Party Group"""
)

# Nouns for groups of people: a place or demonym before them makes no name
# ("Baltic Allies", "Luhansk People", "Afghan Partners").
COLLECTIVE_NOUNS = words(
    """People Peoples Allies Ally Partners Partner Friends Neighbors Neighbours
    Citizens Residents Leaders Officials Counterparts Colleagues Participants
    Communities Diaspora Nationals Refugees Civilians"""
)

# Common noun phrases ending in an organisation's head noun: no name
# ("Ukrainian Civil Society", "the International Community").
COMMON_ORG_PHRASES = frozenset(
    {"Civil Society", "International Community", "Business Community", "Private Sector"}
)

# Verbs of headlines that end a name before "to", "with", "in"
# ("Special Advisor ... Christopher Dodd Travel to Barbados").
HEADLINE_VERBS = words(
    """Travel Travels Visit Visits Meet Meets Host Hosts Attend Attends Lead Leads
    Call Calls Speak Speaks Welcome Welcomes Join Joins Depart Departs Arrive
    Arrives Return Returns Conclude Concludes Complete Completes"""
)

# Words of headlines and their grammar, never part of the name before them
# ("Secretary Blinken Tests Positive", "... Blinken Keynote Remarks at ...").
HEADLINE_NOUNS = words(
    """Tests Test Says Urges Announces Condemns Marks Launches Signs Holds Delivers
    Discusses Congratulates Celebrates Remarks Keynote Opening Closing Roundtable
    Panel Discussion Interview Briefing Virtual Meeting Meetings Statement Readout
    Positive Negative Op-Ed Video Message Trip Travel Call Visit"""
)

# Capitalised abbreviations that name no organisation: economic measures,
# units, time zones, diseases, page furniture, offices held (POTUS, DCM),
# technologies and documents (CCUS, CRBA), classes of weapons (IRBM, THAAD).
NOT_ORG_ACRONYMS = words(
    """GDP GNP GNI CPI PPI PMI VAT CEO CFO COO CTO CIO MP MPs TV AIDS HIV SARS MERS
    COVID GMT UTC EST EDT CET CEST BST PST PDT AM PM EPS IPO OTC NGO NGOs WMD LGBT
    LGBTI LGBTQ LGBTQI DNA RNA PCR ID IT AI OK USD EUR GBP JPY CHF RMB FAQ PDF URL
    HTML NOTE NOTES TOTAL SALES NEWS CAPS DIGEST FOCUS UPDATE CORRECTED ANNEX
    REPEAT URGENT BULLETIN FLASH ADVISORY ICBM SIV SIVs STEM FTO IUU LNG HEU LEU
    SDG SDGs PPE ICT IDP IDPs DC MOU MOA QA BSE CJD TB MRI VIP FOB CIF LIBOR RBI ERA
    IP DNS CTBT NPT POTUS VPOTUS FLOTUS SCOTUS DCM CDA DAS PDAS SRSG DSRSG CCUS DMZ
    CRBA FGM GBV SGBV CVE PVE NDC NDCs FTA FTAs ODA FDI UAV UAVs UAS IED IEDs ISR
    TIP EEZ MoU MOUs GHG SMR EV EVs AML CFT MPA HBCU HBCUs CSIRT
    IRBM SRBM MRBM SLBM GLCM ALCM ICBMs IRBMs SRBMs THAAD HIMARS MANPADS UCAV
    SAM SAMs APC APCs"""
)

# Nouns of activities, documents, grants and statuses: a name of English words
# ending so is a programme or a thing, not a body ("Foreign Military
# Financing", "Special Immigrant Visa", "Award for Corporate Excellence").
THING_HEADS = words(
    """Financing Funding Visa Visas Award Awards Technology Technologies Report Reports
    Assistance Training Certificate Certificates Scholarship Scholarships Fellowship
    Fellowships Grant Grants Loan Loans Minors Priority Designation Status Abroad
    Excellence Modernization Modernisation Management Capture Storage Contributions
    Commitment Commitments Pledge Pledges Mechanism Facility Window Compact"""
)

# Members of a party, in the plural, that name the party ("Liberal Democrats",
# "Sweden Democrats"): a body, though every word is an English word.
PARTY_PLURALS = words(
    """Democrats Republicans Socialists Liberals Conservatives Greens Communists
    Nationalists Unionists Federalists Progressives Radicals Patriots Libertarians"""
)

# Verbs of press-release headlines in the present tense ("The United States
# Designates ...", "Department Renews Charter of ..."): never a word of a name
# read from a headline. Not those that are also nouns of names ("Partners of
# the Americas", "Marks & Spencer", "Sanctions Committee").
HEADLINE_PRESENT_VERBS = HEADLINE_VERBS | words(
    """Designates Renews Imposes Extends Expands Commends Applauds Approves Appoints
    Nominates Recognizes Recognises Reaffirms Provides Releases Restricts Pledges
    Donates Reiterates Strengthens Supports Announces Condemns Urges Congratulates
    Launches Signs Celebrates Commemorates Mourns Offers Sends Honors Honours Unveils
    Lifts Suspends Revokes Notifies Seeks Invests Commits Delivers Holds Discusses
    Convenes Co-Hosts Deploys Reopens Opens Closes Adopts Agrees Accepts Rejects Demands
    Affirms Reaffirm Announce Designate Selects Establishes Presents Expresses
    Encourages Highlights Underscores Emphasizes Emphasises Praises Thanks Hails Lauds
    Dedicates Begins Breaks Sign Launch Celebrate Commemorate Condemn Renew Deepen
    Strengthen Expand Discuss"""
)

# Modifiers that make no event's name: "Virtual Meeting", "Annual Session".
GENERIC_EVENT_MODIFIERS = words(
    """Virtual Online In-Person Bilateral Trilateral Multilateral Annual Biannual
    Joint Regular Informal Formal Extraordinary Emergency Plenary Final Inaugural
    Opening Closing High-Level High Level Senior Officials Technical Working Expert
    Experts Leaders Leaders' Ministers Ministerial Press Special Follow-Up Follow-on
    First Second Third Next Last Recent Upcoming Ongoing Current Global Presidential
    Executive"""
)

# Currencies: a plural or a name after "in" ("in Euros") names no place.
CURRENCY_NOUNS = words(
    """Euro Euros Dollar Dollars Pound Pounds Yen Yuan Renminbi Rupee Rupees Ruble
    Rubles Rouble Roubles Franc Francs Peso Pesos Lira Liras Hryvnia Hryvnias Manat
    Manats Dinar Dinars Dirham Dirhams Riyal Riyals Rial Rials Shekel Shekels Won
    Real Reais Rand Krona Kronor Krone Kroner Zloty Forint Lev Leu Lari Dram Tenge
    Som Taka Baht Ringgit Rupiah Bitcoin Bitcoins Cryptocurrency Cryptocurrencies"""
)

# Event heads that come first and take "of": "Summit of Heads of State".
EVENT_HEADS_FIRST = frozenset(
    words(
        """Summit Forum Conference Congress Session Meeting Treaty Agreement Declaration
            Battle Siege Festival Games Expo"""
    )
)

# Nouns that frame an event in a headline or sentence and take "of" before it,
# never part of its name ("Anniversary of the Refugee Convention", "Conclusion
# of the Negev Summit", "Joint Statement on the ... Dialogue").
EVENT_FRAMES = words(
    """Anniversary Anniversaries Conclusion Opening Closing Launch Establishment
    Statement Readout Outcome Outcomes Results Margins Sidelines Eve Start Beginning
    End Occasion Celebration Commemoration Completion Resumption Convening Hosting"""
)

# Verbs of headlines whose object is an event ("Brazil Signs Artemis Accords",
# "Afghanistan Hold Peace Talks"): the event's name starts after them.
EVENT_VERBS = HEADLINE_VERBS | words(
    """Sign Signs Signed Hold Holds Held Discuss Discusses Co-Host Co-Hosts Convene
    Convenes Conclude Concludes Concluded Launch Launches Launched Relaunch
    Relaunches Relaunched Announce Announces Marks Celebrate Celebrates
    Commemorate Commemorates Ratify Ratifies Join Joins"""
)

# Kinds whose editions recur, so the year is part of what identifies them.
RECURRENT_EVENT_KINDS = frozenset({"summit", "session", "meeting"})

PLACE_HEADS: dict[str, str] = {
    **dict.fromkeys(
        words(
            """Region Province District Oblast Governorate Prefecture County Territory
            Territories Peninsula Island Islands Valley Mountains Mountain Desert Sea Ocean
            Gulf Strait Straits Bay River Lake Basin Corridor Plateau Coast Highlands Rayon"""
        ),
        "region",
    ),
    **dict.fromkeys(["City", "Town", "Village", "Municipality"], "city"),
    **dict.fromkeys(
        words(
            """Airport Square Street Avenue Palace Bridge Port Harbour Harbor Canal Dam Stadium
            Arena Hall Mosque Cathedral Monastery Temple Base"""
        ),
        "site",
    ),
}

# Lower-case nouns after a name that make it a place ("Aghdam region", "Ganja city").
PLACE_TRIGGERS_AFTER = frozenset(
    words("""city town village region district province oblast governorate settlement capital""")
)

# Name particles: lower-case words allowed inside a personal name.
PARTICLES = frozenset(
    words(
        """bin bint ibn ben al el van von der den ter de del della da das do dos di du des
            la le y"""
    )
)

MONTHS = words(
    """January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"""
)
WEEKDAYS = words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun"
)

# Words that are never (part of) a name on their own: page furniture, time zones,
# religions, communities, adjectives often capitalised in news.
NON_NAMES = (
    MONTHS
    | WEEKDAYS
    | words(
        """Home About Menu Search Share Print Email Photo Photos Video Videos Read More
        Tags Tag Related Source Sources Follow Subscribe Click Copyright Comments
        Comment Login Contact Next Previous Back Top Top News Latest Advertisement
        UTC GMT CET EST EDT PST AM PM A.M. P.M. Muslim Muslims Islam Islamic
        Islamophobia Christian Christians Christianity Jewish Jews Judaism Arab Arabs
        Sunni Shia Shiite Catholic Orthodox Buddhist Hindu God Allah Ummah Halal
        Internet COVID COVID-19 Covid Covid-19 Coronavirus Quran Koran Ramadan Eid
        Soviet Turkic Slavic Latin Anglo
        I I'm I've I'd Me My We Our Us You Your He She It They Them Their His Her
        Its OK Okay Yes No Thank Thanks Please Hello Mr.Speaker Q A Question Answer
        QUESTION Moderator MODERATOR Operator OPERATOR Note Notes Update Updated
        Breaking Exclusive Opinion Editorial Interview Statement Readout Fact Sheet
        Media Note Remarks Briefing Transcript Press Release"""
    )
)

# Words that start sentences: dropped when a capitalised run begins a sentence.
SENTENCE_STOPWORDS = NON_NAMES | words(
    """The A An This That These Those It Its In On At By For From With Without To Of
    As But And Or Nor Yet So If When While After Before During Since Until Also
    However Meanwhile Moreover Furthermore Additionally Besides Further Following
    According Earlier Later Today Yesterday Tomorrow Tonight Now Then Thus Hence
    Therefore Still Many Some Most All Several Both Each Every Other Another Such
    There Here What Which Who Whom Whose Why How Where Whether Although Though
    Because Once Under Over Between Among Against Through Throughout Within Across
    Around About Above Below Near Despite Regarding Concerning Including Given
    Speaking Addressing Noting Stressing Emphasizing Emphasising Highlighting
    Underlining Recalling Touching Turning Commenting Answering Asked Asked
    Recently Currently Previously Finally Firstly Secondly Lastly Overall Indeed
    Nevertheless Nonetheless Instead Otherwise Likewise Similarly Accordingly
    Consequently Additionally Notably Importantly Unfortunately Fortunately Sadly
    Clearly Obviously Really Actually Basically Well Yes No Not Never Always Only
    Just Even Please Let Our Your Their His Her My We They He She You I Every
    Any Few More Less Much Good Great New Last Next First Second Third One Two
    Three Four Five Six Seven Eight Nine Ten Dear Ladies Gentlemen Welcome Thank
    Thanks Congratulations Happy Today's Nothing Everything Something Anything
    Nobody Everybody Someone Anyone Everyone Whoever Whatever Wherever Whenever
    Had Has Have Having Was Were Is Are Be Been Being Do Does Did Will Would Shall
    Should Can Could May Might Must Ought Like Unlike Beyond Via Per Upon Amid
    Amidst Towards Toward Along Alongside Behind Beside Besides Inside Outside
    Onto Into Off Out Up Down Near Next Past Round Throughout Whilst"""
)

# Speech verbs: "Sengendo said", "Smith, who ...", evidence that a name is a person.
SPEECH_VERBS = (
    "said|says|told|tells|stated|states|noted|notes|added|adds|stressed|stresses|"
    "emphasized|emphasised|emphasizes|emphasises|underlined|underlines|highlighted|"
    "highlights|explained|explains|announced|announces|remarked|commented|pointed|"
    "urged|urges|called|wrote|writes|tweeted|declared|declares|asked|asks|replied|"
    "answered|insisted|warned|warns|recalled|recalls|expressed|expresses|thanked|"
    "thanks|welcomed|welcomes|praised|praises|met|meets|visited|visits|received|"
    "receives|spoke|speaks|argued|believes|believed|described|describes|mentioned|"
    "mentions|reiterated|reiterates|confirmed|confirms|denied|denies|acknowledged|"
    "criticized|criticised|condemned|condemns|signed|signs|chaired|hosted|"
    "congratulated|briefed|discussed|discusses|affirmed|affirms|assured|informed|"
    "concluded"
)

# Personal pronouns that show the previous name was a person.
PERSON_PRONOUNS = frozenset(words("""he she his her him himself herself"""))

# Words that make a part of a place out of a place ("Greater London").
PLACE_MODIFIERS = words(
    """Northern Southern Eastern Western Central Upper Lower Greater North South East
    West Inner Outer Metropolitan Northeast Northwest Southeast Southwest"""
)

# Adjectives of continents and regions: no country's demonym, no name alone.
REGION_ADJECTIVES = words(
    """European African Asian Arab Latin Nordic Baltic Balkan Caucasian Eurasian
    Atlantic Transatlantic Pacific Western Eastern Northern Southern Central Middle
    Oriental Occidental Mediterranean Caribbean Scandinavian Slavic Anglo Hispanic"""
)
