"""The content of the demo reviews: fictional partnerships, panels, programmes, notes and findings.

Every partnership, school, institute and person here is invented. `demo.py` writes this content into the
database through the service layer; this module only holds data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from peerreview_app.domain.partnership import RecognitionStatus, Role, Sector
from peerreview_app.domain.phases import Phase


def _p(text: str) -> str:
    """One paragraph: the lines of `text` joined with single spaces."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Setting:
    """Who is reviewed, how and when, and the phase the demo review ends in."""

    key: str  # stable: the review's id is derived from it
    kind: str  # review-kind key: "developmental" or "assessment"
    partnership: str
    sectors: tuple[Sector, ...]
    region: str
    status: RecognitionStatus
    visit: date
    phase: Phase


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    name: str
    role: Role
    organisation: str


@dataclass(frozen=True, slots=True)
class Talk:
    """A conversation of the bezoekdag; times as ``HH:MM``, members and topics by key and id."""

    key: str
    title: str
    starts: str
    ends: str
    participants: str
    location: str
    members: tuple[str, ...]
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NoteText:
    author: str
    talk: str | None
    criteria: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    text: str
    context: str
    answer: str


@dataclass(frozen=True, slots=True)
class DevFinding:
    """The panel's finding on one criterion in a developmental review; `questions` are question keys."""

    observations: str
    strengths: tuple[str, ...] = ()
    development_points: tuple[str, ...] = ()
    recommendations: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StandardText:
    summary: str
    strengths: tuple[str, ...] = ()
    development_points: tuple[str, ...] = ()
    recommendations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Judged:
    """The committee's judgement on one criterion in an assessment review."""

    judgement: str  # "meets" or "does_not_meet"
    motivation: str
    observations: str = ""


@dataclass(frozen=True, slots=True)
class Dissent:
    """A member's provisional judgement that differs from the committee's, with the recorded dissent."""

    member: str
    criterion: str
    judgement: str
    motivation: str
    dissent: str


@dataclass(frozen=True, slots=True)
class Override:
    standard: str
    judgement: str
    reason: str


@dataclass(frozen=True, slots=True)
class DevelopmentalDemo:
    setting: Setting
    panel: tuple[Person, ...]
    programme: tuple[Talk, ...]
    questions: tuple[Question, ...]
    notes: tuple[NoteText, ...]
    findings: dict[str, DevFinding]
    standards: dict[str, StandardText]
    summary: str
    key_recommendations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AssessmentDemo:
    setting: Setting
    panel: tuple[Person, ...]
    programme: tuple[Talk, ...]
    notes: tuple[NoteText, ...]
    findings: dict[str, Judged]
    dissents: tuple[Dissent, ...] = ()
    overrides: tuple[Override, ...] = ()
    standards: dict[str, str] = field(default_factory=dict)
    motivation: str = ""
    recommendations: tuple[str, ...] = ()


# =====================================================================================================
# 1. Samen Opleiden Lingedelta: ontwikkelingsgerichte peer review, in rapportage
# =====================================================================================================

_LINGEDELTA_SETTING = Setting(
    key="lingedelta-2026",
    kind="developmental",
    partnership="Samen Opleiden Lingedelta",
    sectors=(Sector.PO, Sector.VO),
    region="Onderwijsregio Lingedelta",
    status=RecognitionStatus.RECOGNISED,
    visit=date(2026, 10, 8),
    phase=Phase.REPORTING,
)

_LINGEDELTA_PANEL = (
    Person("chair", "Marieke van Dongen", Role.CHAIR, "Stichting Kindkracht Waddenkust"),
    Person("secretary", "Jeroen Bakker", Role.SECRETARY, "Bakker Onderwijsadvies"),
    Person("fatima", "Fatima el Amrani", Role.MEMBER, "SG Dijkzicht (Partnerschap Zuidwest Leren)"),
    Person("pieter", "Pieter Wouters", Role.MEMBER, "Hogeschool Heidezoom"),
    Person("sanne", "Sanne de Wit", Role.STUDENT_MEMBER, "Hogeschool Heidezoom, lerarenopleiding Engels"),
)

_WATERPOORT = "Stedelijk Lyceum Waterpoort, mediatheek"
_ALL_LINGEDELTA = ("chair", "secretary", "fatima", "pieter", "sanne")

_LINGEDELTA_PROGRAMME = (
    Talk(
        "opening",
        "Opening en gesprek met de stuurgroep",
        "09:00",
        "09:45",
        _p("""Voorzitter en leden van de stuurgroep: drie bestuurders (po en vo), de opleidingsmanager van
        Hogeschool Midden-Delta en de coördinator van het partnerschap"""),
        _WATERPOORT,
        _ALL_LINGEDELTA,
        ("LL", "OR-1", "KC-5"),
    ),
    Talk(
        "students",
        "Studenten",
        "10:00",
        "10:45",
        "Acht studenten van de pabo en de lerarenopleidingen vo, uit het tweede tot en met het vierde studiejaar",
        _WATERPOORT,
        ("chair", "secretary", "fatima", "sanne"),
        ("LO-1", "LO-2", "LO-3", "LO-4", "LO-6"),
    ),
    Talk(
        "starters",
        "Startende leraren",
        "11:00",
        "11:45",
        "Zes startende leraren (po en vo) in hun eerste of tweede jaar, van wie twee elders zijn opgeleid",
        _WATERPOORT,
        ("secretary", "fatima", "pieter", "sanne"),
        ("LL-4", "LO-5", "KC-3"),
    ),
    Talk(
        "coaches",
        "Werkplekbegeleiders en schoolopleiders",
        "12:00",
        "12:45",
        "Vijf werkplekbegeleiders en drie schoolopleiders van zes scholen",
        _WATERPOORT,
        ("chair", "secretary", "fatima", "pieter"),
        ("LO-2", "LO-3", "LO-4", "OR-2", "OR-4"),
    ),
    Talk(
        "institute",
        "Instituutsopleiders",
        "13:30",
        "14:15",
        "Vier instituutsopleiders en de lector Leren op de werkplek van Hogeschool Midden-Delta",
        _WATERPOORT,
        ("chair", "secretary", "pieter", "sanne"),
        ("LL-2", "LL-6", "LO-2", "KC-6"),
    ),
    Talk(
        "leaders",
        "Schoolleiders en bestuur",
        "14:30",
        "15:15",
        "Vier schoolleiders (po en vo) en twee bestuurders",
        _WATERPOORT,
        _ALL_LINGEDELTA,
        ("OR-3", "OR-6", "KC-1", "KC-2", "KC-4"),
    ),
    Talk(
        "deliberation",
        "Intern beraad van het panel",
        "15:15",
        "16:00",
        "Alleen het panel",
        "Stedelijk Lyceum Waterpoort, kamer 0.14",
        _ALL_LINGEDELTA,
    ),
    Talk(
        "feedback",
        "Terugkoppeling",
        "16:00",
        "16:30",
        "De stuurgroep, de coördinator en alle gesprekspartners die willen aansluiten",
        _WATERPOORT,
        _ALL_LINGEDELTA,
    ),
)

_LINGEDELTA_QUESTIONS = (
    Question(
        "q1",
        _p("""Hoe versterken we de doorlopende lijn van opleiding naar inductie, zodat startende leraren
        voortbouwen op wat zij in hun opleiding hebben geleerd?"""),
        _p("""Uit de eigen evaluatie blijkt dat startende leraren hun eerste jaar ervaren als 'opnieuw
        beginnen'. Ongeveer een derde van de startende leraren in het partnerschap is elders opgeleid."""),
        _p("""Het panel ziet dat de lijn op papier goed is beschreven, maar in de praktijk bij de overgang
        van student naar startende leraar breekt. Het ontwikkelplan uit het afstudeerjaar wordt niet
        overgedragen en inductiebegeleiders weten niet waar een starter staat. Het panel adviseert een
        startgesprek in de eerste maand, waarin de starter zijn laatste ontwikkelplan meeneemt en samen
        met de inductiebegeleider doelen voor het eerste jaar bepaalt. Voor elders opgeleide starters kan
        hetzelfde gesprek dienen als intake. Formuleer daarnaast leerdoelen voor het inductieprogramma die
        aansluiten op het werkplekcurriculum, zodat de lijn ook inhoudelijk doorloopt."""),
    ),
    Question(
        "q2",
        "Hoe kunnen po en vo binnen het partnerschap meer van en met elkaar leren?",
        _p("""Het partnerschap is in 2019 ontstaan uit een po- en een vo-opleidingsschool. Beide sectoren
        werken nog grotendeels met eigen programma's en overleggen."""),
        _p("""Het panel herkent de twee sporen: po en vo delen het leraarsprofiel, maar de uitwerking,
        de inductie en zelfs de besluitvorming in de stuurgroep verlopen per sector. Tegelijk zag het
        panel dat beide sectoren iets te bieden hebben: het po laat zien hoe studenten volwaardig deel
        uitmaken van een leerteam, het vo heeft sterke vakdidactische werkplekcurricula. Het panel
        adviseert te starten met een gezamenlijk, inhoudelijk thema dat beide sectoren raakt, zoals de
        overstap van leerlingen van po naar vo, en daarvoor gemengde leerteams van studenten en leraren in
        te richten. Agendeer in de stuurgroep bewust onderwerpen voor het partnerschap als geheel."""),
    ),
    Question(
        "q3",
        _p("""Hoe benutten we de gegevens die we verzamelen beter om de kwaliteit van opleiden en begeleiden
        te verbeteren?"""),
        _p("""Het partnerschap verzamelt jaarlijks veel gegevens, maar ervaart dat de analyse en de
        opvolging achterblijven."""),
        _p("""Het panel bevestigt het beeld uit de kritische reflectie: er wordt veel gemeten en netjes
        gerapporteerd, maar de gegevens leiden zelden tot een gesprek of een actie. Het panel adviseert
        minder en gerichter te meten, met twee of drie vragen die het partnerschap zelf belangrijk vindt,
        zoals het behoud van startende leraren na drie jaar. Organiseer jaarlijks een datagesprek waarin
        studenten, startende leraren, begeleiders en schoolleiders de uitkomsten samen duiden, en maak
        zichtbaar welke acties daaruit volgen. Zo wordt de cyclus ook voor betrokkenen merkbaar."""),
    ),
)

_LINGEDELTA_NOTES = (
    NoteText(
        "chair",
        "opening",
        ("LL-1", "LL-3"),
        _p("""Stuurgroep noemt het Lingedelta-leraarsprofiel 'ons kompas': vijf rollen, vastgesteld in 2023.
        Vraag: hoe maken nieuwe scholen kennis met het profiel? Introductiebijeenkomst 'in voorbereiding',
        nog niet gehouden."""),
    ),
    NoteText(
        "chair",
        "opening",
        ("OR-1",),
        _p("""Po en vo hebben elk twee zetels in de stuurgroep. Voorzitter erkent dat de agenda 'vaak in twee
        helften uiteenvalt'."""),
    ),
    NoteText(
        "chair",
        "opening",
        ("KC-5",),
        _p("""Adviezen peer review 2020: rollenboek en centraal plaatsingsbureau zijn gerealiseerd. Het advies
        over datagebruik 'loopt nog'."""),
    ),
    NoteText(
        "sanne",
        "students",
        ("LO-1", "LO-3"),
        _p("""Studenten positief over het werkplekcurriculum per jaar: 'je weet wat er van je verwacht wordt'.
        Het wekelijkse gesprek met de werkplekbegeleider noemen ze de grootste meerwaarde."""),
    ),
    NoteText(
        "sanne",
        "students",
        ("LO-2",),
        _p("""Planning is een knelpunt: de deadline van het reflectieverslag viel in de toetsweek. Twee
        studenten moesten kiezen tussen lessen voorbereiden en de opdracht afmaken."""),
    ),
    NoteText(
        "fatima",
        "students",
        ("LO-4",),
        _p("""Studenten ervaren verschil in strengheid tussen scholen. Kalibratiesessie is bekend bij
        schoolopleiders, niet bij werkplekbegeleiders."""),
    ),
    NoteText(
        "sanne",
        "students",
        ("LO-6",),
        _p("""Vo-student: alleen bij de sectievergadering, nooit bij de teamvergadering. Po-student: 'ik hoor er
        gewoon bij', heeft een studiemiddag over haar praktijkonderzoek verzorgd."""),
    ),
    NoteText(
        "fatima",
        "starters",
        ("LL-4", "LO-5"),
        _p("""Geen overdracht van ontwikkelplan naar inductie. Starter: 'mijn begeleider wist niet wat ik in
        mijn LIO-stage had gedaan'. De twee elders opgeleide starters kregen geen intakegesprek."""),
    ),
    NoteText(
        "sanne",
        "starters",
        ("LO-5",),
        _p("""Intervisie met starters van andere scholen wordt zeer gewaardeerd. Taakverlichting op twee
        vo-scholen niet gerealiseerd vanwege het lerarentekort."""),
    ),
    NoteText(
        "fatima",
        "coaches",
        ("LO-3", "OR-3"),
        _p("""Werkplekbegeleiders weten niet precies hoeveel uur zij voor begeleiding hebben: 'het zit ergens
        in mijn taakbeleid'. Begeleiding schiet erbij in als er vervangen moet worden."""),
    ),
    NoteText(
        "fatima",
        "coaches",
        ("OR-2",),
        _p("""Wie grijpt in als een stage vastloopt? Schoolopleider verwijst naar de instituutsopleider en
        andersom. Het rollenboek geeft hier geen antwoord."""),
    ),
    NoteText(
        "chair",
        "institute",
        ("LL-2", "LL-6"),
        _p("""Lector is betrokken bij de onderzoeksmarkt, niet bij de visie op opleiden. Onderzoeksgroepen
        van leraren en studenten op elf scholen, begeleid door instituutsopleiders."""),
    ),
    NoteText(
        "chair",
        "institute",
        ("KC-6",),
        _p("""Onderzoeksmarkt in maart, circa 150 deelnemers. Opbrengsten worden niet structureel vertaald
        naar het opleidingsprogramma."""),
    ),
    NoteText(
        "chair",
        "leaders",
        ("OR-6", "OR-3"),
        _p("""Twee besturen bieden afgestudeerden een baangarantie. Overige besturen: 'we willen wel, maar de
        formatie is lastig'. Professionaliseringsaanbod van besturen staat los van dat van het
        partnerschap."""),
    ),
    NoteText(
        "fatima",
        "leaders",
        ("KC-1", "KC-2"),
        _p("""Tevredenheidsmonitor: respons werkplekbegeleiders 31%. Schoolleider: 'we krijgen een mooi
        rapport, maar we bespreken het niet'. Geen cijfers over behoud van starters na drie jaar."""),
    ),
    NoteText(
        "sanne",
        "leaders",
        ("KC-3", "KC-4"),
        _p("""Geen student of startende leraar in stuurgroep of werkgroep. Schoolleiders vinden het lastig
        elkaar aan te spreken op het nakomen van afspraken over facilitering."""),
    ),
)

_LINGEDELTA_FINDINGS = {
    "LL-1": DevFinding(
        _p("""Het partnerschap heeft in 2023 met besturen, scholen en de hogeschool het Lingedelta-leraarsprofiel
        vastgesteld, uitgewerkt in vijf rollen: pedagoog, vakdidacticus, onderzoeker, teamspeler en verbinder
        met de omgeving. In alle gesprekken kwam het profiel spontaan ter sprake; werkplekbegeleiders gebruiken
        de vijf rollen in hun voortgangsgesprekken. Leerlingen en ouders zijn bij de totstandkoming niet
        betrokken geweest."""),
        ("Het leraarsprofiel is concreet, breed bekend en wordt gebruikt in begeleidingsgesprekken.",),
        ("Het perspectief van leerlingen en ouders ontbreekt in het profiel.",),
        ("Betrek bij de geplande herijking in 2027 een leerlingpanel en de medezeggenschapsraden.",),
    ),
    "LL-2": DevFinding(
        _p("""De visie 'leren in en van de praktijk' is beschreven in het opleidingsplan 2024-2028 en verwijst
        expliciet naar het leraarsprofiel. Het panel ziet de visie terug in de keuze voor leerteams en
        praktijkonderzoek. De onderbouwing met inzichten uit onderzoek blijft beperkt tot enkele verwijzingen
        in de bijlagen."""),
        ("Een heldere, consistente lijn van leraarsprofiel naar visie en de inrichting van leerteams.",),
        ("De visie is nauwelijks onderbouwd met onderzoek naar het leren van leraren op de werkplek.",),
        ("Vraag het lectoraat Leren op de werkplek de visie bij de volgende actualisatie te onderbouwen.",),
    ),
    "LL-3": DevFinding(
        _p("""Schoolopleiders, instituutsopleiders en schoolleiders konden zonder aarzeling uitleggen wat de
        visie voor hun werk betekent. Werkplekbegeleiders op recent aangesloten scholen kenden vooral de
        praktische afspraken over stages. De stuurgroep herkent dit en bereidt een introductie voor nieuwe
        scholen voor."""),
        ("Grote eensgezindheid bij schoolleiders en opleiders over de bedoeling van samen opleiden.",),
        ("Nieuwe scholen en nieuwe werkplekbegeleiders maken pas laat kennis met de visie.",),
        (
            _p("""Maak de introductie op de visie een vast onderdeel van de aansluiting van nieuwe scholen en
            van de basistraining voor werkplekbegeleiders."""),
        ),
    ),
    "LL-4": DevFinding(
        _p("""Op papier beschrijft het partnerschap een lijn van opleiding via inductie naar professionalisering.
        Startende leraren vertelden echter dat zij bij hun eerste baan opnieuw beginnen: het ontwikkelplan uit
        het afstudeerjaar wordt niet overgedragen en de inductiebegeleider kent het niet. Elders opgeleide
        starters missen een gesprek over hun beginsituatie."""),
        ("Opleiden, begeleiden en professionaliseren zijn in één opleidingsplan samengebracht.",),
        (
            "Er is geen warme overdracht van ontwikkeldoelen van student naar startende leraar.",
            "Voor elders opgeleide starters ontbreekt een intake op hun ontwikkelbehoeften.",
        ),
        ("Laat elke starter zijn laatste ontwikkelplan meenemen naar een startgesprek met de inductiebegeleider.",),
        ("q1",),
    ),
    "LL-5": DevFinding(
        _p("""Het leraarsprofiel is gemeenschappelijk voor po en vo en benoemt meertaligheid en de krimp in de
        oostelijke dorpen als regionale opgaven. In de uitwerking verschillen de sectoren sterk: het po werkt
        met een eigen praktijkboek, het vo met vakspecifieke werkplekcurricula. Gezamenlijke activiteiten
        beperken zich tot de jaarlijkse partnerschapsdag."""),
        ("Regionale opgaven als meertaligheid en krimp zijn zichtbaar in het leraarsprofiel.",),
        ("Po en vo leiden grotendeels langs eigen lijnen op; de overstap po-vo krijgt weinig aandacht.",),
        ("Ontwikkel met po- en vo-scholen een gezamenlijk leerthema rond de overstap van leerlingen.",),
        ("q2",),
    ),
    "LL-6": DevFinding(
        _p("""Studenten voeren in hun afstudeerjaar een praktijkonderzoek uit op een vraag van de school, en op
        elf scholen zijn onderzoeksgroepen actief waarin leraren en studenten samenwerken onder begeleiding van
        instituutsopleiders. Startende leraren hebben tijdens de inductie geen ruimte om hun onderzoekende
        houding voort te zetten."""),
        ("Praktijkonderzoek sluit aan op vragen van scholen en wordt op de onderzoeksmarkt gedeeld.",),
        ("De onderzoekende houding komt in de inductie en bij zittende leraren weinig terug.",),
        ("Nodig startende leraren uit in de onderzoeksgroepen en reserveer daarvoor tijd in de inductie.",),
    ),
    "LO-1": DevFinding(
        _p("""Per opleidingsjaar is een werkplekcurriculum beschreven met leerdoelen, leeractiviteiten en
        verwachtingen, gekoppeld aan de vijf rollen uit het leraarsprofiel. Studenten waarderen de duidelijkheid
        ervan. Het inductieprogramma is beschreven in termen van bijeenkomsten, niet van leerdoelen."""),
        ("Het werkplekcurriculum is helder, per jaar opgebouwd en bekend bij studenten en begeleiders.",),
        ("Het inductieprogramma heeft geen leerdoelen die voortbouwen op de opleiding.",),
        ("Formuleer leerdoelen voor de eerste twee inductiejaren in het verlengde van het werkplekcurriculum.",),
        ("q1",),
    ),
    "LO-2": DevFinding(
        _p("""Werkplekopdrachten zijn samen met schoolopleiders ontwikkeld en worden door studenten als zinvol
        ervaren. De planning is een knelpunt: deadlines van de hogeschool vallen soms samen met toetsweken op
        school. Schoolopleiders en instituutsopleiders stemmen viermaal per jaar af in het
        opleidersoverleg."""),
        (
            "Werkplekopdrachten zijn gezamenlijk ontwikkeld en sluiten inhoudelijk goed aan op de praktijk.",
            "Er is structureel opleidersoverleg tussen school en instituut.",
        ),
        ("De planning van opdrachten is onvoldoende afgestemd op het ritme van de scholen.",),
        ("Stel jaarlijks een gezamenlijke planning op van opdrachten, toetsweken en beoordelingsmomenten.",),
    ),
    "LO-3": DevFinding(
        _p("""Iedere student heeft een vaste werkplekbegeleider; 87 procent van hen heeft de basistraining
        gevolgd. Studenten spreken met waardering over het wekelijkse begeleidingsgesprek. Werkplekbegeleiders
        geven aan dat de begeleidingstijd onder druk staat wanneer er lessen vervangen moeten worden."""),
        ("Een hoge scholingsgraad van werkplekbegeleiders en een vast wekelijks begeleidingsgesprek.",),
        ("De gefaciliteerde begeleidingstijd staat onder druk door vervanging en lesuitval.",),
        ("Leg de begeleidingstijd vast in de jaartaak en bewaak in het schoolleidersoverleg dat die benut wordt.",),
    ),
    "LO-4": DevFinding(
        _p("""Werkplekbegeleider en instituutsopleider beoordelen de stage samen met één formulier; de
        instituutsopleider stelt het eindoordeel vast. Aan de jaarlijkse kalibratiesessie nemen vooral
        schoolopleiders deel. Studenten vinden de criteria helder, maar ervaren verschillen in strengheid
        tussen scholen."""),
        ("School en instituut beoordelen samen met een gedeeld beoordelingsformulier.",),
        ("Werkplekbegeleiders zijn nauwelijks betrokken bij kalibratie; de beoordeling verschilt per school.",),
        ("Betrek werkplekbegeleiders bij kalibratie, bijvoorbeeld met geanonimiseerde beoordelingen.",),
    ),
    "LO-5": DevFinding(
        _p("""Startende leraren krijgen drie jaar begeleiding en in het eerste jaar tien procent taakverlichting.
        Het programma bestaat uit intervisie, lesbezoeken en vier bovenschoolse bijeenkomsten. De intervisie
        wordt zeer gewaardeerd, maar op twee vo-scholen is de taakverlichting niet gerealiseerd. Po en vo
        hebben elk een eigen programma."""),
        (
            "Een driejarig inductieprogramma met taakverlichting in het eerste jaar.",
            "Intervisie tussen starters van verschillende scholen wordt zeer gewaardeerd.",
        ),
        ("De afgesproken taakverlichting wordt niet op alle scholen gerealiseerd.",),
        ("Monitor per school of de taakverlichting wordt gegeven en bespreek afwijkingen in de stuurgroep.",),
        ("q1",),
    ),
    "LO-6": DevFinding(
        _p("""Op de po-scholen zijn studenten lid van een leerteam en nemen zij deel aan teamvergaderingen en
        studiedagen; een studente verzorgde zelfs een studiemiddag over haar praktijkonderzoek. Op de
        vo-scholen zijn studenten vooral aan de vaksectie gekoppeld en minder aan het bredere team."""),
        ("Studenten worden op de po-scholen als volwaardig teamlid behandeld.",),
        ("In het vo blijft samen leren veelal beperkt tot de eigen vaksectie.",),
        ("Stimuleer in het vo sectieoverstijgende leerteams, naar het voorbeeld van de po-scholen.",),
        ("q2",),
    ),
    "OR-1": DevFinding(
        _p("""De samenwerkingsovereenkomst is in 2024 vernieuwd en legt doelen, inbreng van de partners en
        besluitvorming via stuurgroep en bestuurlijk overleg vast. Po en vo hebben elk een eigen
        vertegenwoordiging in de stuurgroep; volgens gesprekspartners leidt dat soms tot besluitvorming per
        sector in plaats van voor het partnerschap als geheel."""),
        ("Een actuele samenwerkingsovereenkomst met heldere besluitvormingslijnen.",),
        ("De stuurgroep bespreekt onderwerpen vaak per sector.",),
        ("Agendeer in de stuurgroep jaarlijks een partnerschapsbreed thema dat po en vo samen uitwerken.",),
        ("q2",),
    ),
    "OR-2": DevFinding(
        _p("""Het rollenboek beschrijft de taken van werkplekbegeleider, schoolopleider, instituutsopleider en
        coördinator, en betrokkenen kennen hun eigen rol goed. Onduidelijk is wie het initiatief neemt wanneer
        een stage dreigt te mislukken: schoolopleiders en instituutsopleiders verwachten dat van elkaar."""),
        ("Een actueel rollenboek dat in de praktijk wordt gebruikt.",),
        ("De verantwoordelijkheid bij vastlopende stagetrajecten is niet eenduidig belegd.",),
        ("Neem in het rollenboek een escalatieprocedure op voor stagetrajecten die dreigen vast te lopen.",),
    ),
    "OR-3": DevFinding(
        _p("""De begroting laat zien hoe de middelen over de partners worden verdeeld; 62 procent gaat naar
        facilitering van begeleiding op de scholen. Schoolleiders noemen de verdeling transparant.
        Werkplekbegeleiders weten niet altijd hoeveel uren zij voor hun taak hebben, omdat scholen de
        middelen verschillend inzetten."""),
        ("Een transparante begroting met het grootste deel van de middelen voor de werkplek.",),
        ("De vertaling van middelen naar uren voor werkplekbegeleiders verschilt per school.",),
        ("Maak per school zichtbaar hoeveel uren voor begeleiding beschikbaar zijn en hoe die worden ingezet.",),
    ),
    "OR-4": DevFinding(
        _p("""Werkplekbegeleiders volgen de basistraining en schoolopleiders de post-hbo-opleiding
        schoolopleider; een actueel overzicht laat zien wie daaraan voldoet. Instituutsopleiders lopen jaarlijks
        een dag mee op een partnerschool, wat scholen zeer waarderen."""),
        (
            "Duidelijke scholingseisen met een actueel overzicht.",
            "Jaarlijkse meeloopdagen van instituutsopleiders op de scholen.",
        ),
        (),
        ("Overweeg een vervolgmodule voor ervaren werkplekbegeleiders over het begeleiden van starters.",),
    ),
    "OR-5": DevFinding(
        _p("""Plaatsing verloopt via een centraal plaatsingsbureau met een vaste contactpersoon per school;
        studenten weten ruim voor de start van hun stage waar zij terechtkomen. Voortgangsinformatie staat in
        verschillende systemen van scholen en hogeschool. De uitwisseling van persoonsgegevens is vastgelegd
        in een verwerkersovereenkomst."""),
        ("Tijdige en zorgvuldige plaatsing via een centraal plaatsingsbureau.",),
        ("Voortgangsinformatie is verspreid over de systemen van school en hogeschool.",),
    ),
    "OR-6": DevFinding(
        _p("""Twee van de vijf besturen verwijzen in hun strategisch personeelsbeleid naar het partnerschap en
        bieden afgestudeerden een baangarantie. Bij de andere besturen is die verbinding minder zichtbaar. Het
        professionaliseringsaanbod van partnerschap en besturen staat grotendeels los van elkaar."""),
        ("Een baangarantie voor afgestudeerden bij twee besturen versterkt de binding met de regio.",),
        (
            "Bij drie besturen is het partnerschap nog niet verankerd in het personeelsbeleid.",
            "Het professionaliseringsaanbod van partnerschap en besturen is niet op elkaar afgestemd.",
        ),
        ("Maak in het bestuurlijk overleg afspraken over de plaats van het partnerschap in het personeelsbeleid.",),
    ),
    "KC-1": DevFinding(
        _p("""Het partnerschap werkt met een jaarcyclus van evaluatie, analyse en jaarplan, beschreven in het
        kwaliteitshandboek. Verbeteracties komen in het jaarplan, maar de opvolging wordt niet systematisch
        bijgehouden: bij enkele acties uit 2024 kon niemand aangeven wat ermee is gebeurd."""),
        ("Een beschreven en werkende jaarcyclus van evaluatie en jaarplan.",),
        ("Opvolging en effect van verbeteracties worden niet systematisch gevolgd.",),
        ("Houd een actielijst bij met eigenaar, termijn en beoogd effect, en bespreek die elk kwartaal.",),
        ("q3",),
    ),
    "KC-2": DevFinding(
        _p("""Jaarlijks worden tevredenheidsgegevens verzameld onder studenten, werkplekbegeleiders en
        startende leraren, en de in-, door- en uitstroom wordt bijgehouden. De respons onder werkplekbegeleiders
        is laag (31 procent). De gegevens worden gerapporteerd, maar er wordt weinig mee gedaan. Gegevens over
        behoud van startende leraren na drie jaar ontbreken."""),
        ("Gegevens over tevredenheid en studiesucces worden jaarlijks verzameld en gerapporteerd.",),
        (
            "De analyse blijft beperkt tot rapportage; conclusies en acties ontbreken.",
            "Er zijn geen gegevens over het behoud van startende leraren.",
        ),
        ("Organiseer jaarlijks een datagesprek met alle geledingen om uitkomsten te duiden en acties te kiezen.",),
        ("q3",),
    ),
    "KC-3": DevFinding(
        _p("""Studenten en startende leraren vullen jaarlijks een vragenlijst in en twee keer per jaar is er een
        panelgesprek met studenten. Studenten wisten niet wat er met hun inbreng is gebeurd. In de stuurgroep
        en de werkgroepen zit geen student of startende leraar."""),
        ("Panelgesprekken met studenten worden als waardevol ervaren.",),
        (
            "Betrokkenen horen niet wat er met hun inbreng is gedaan.",
            "Studenten en startende leraren zijn niet vertegenwoordigd in het overleg over kwaliteit.",
        ),
        ("Koppel uitkomsten zichtbaar terug en nodig een student en een starter uit in de werkgroep kwaliteit.",),
        ("q3",),
    ),
    "KC-4": DevFinding(
        _p("""Gesprekspartners beschrijven de samenwerking als open en collegiaal. In het opleidersoverleg worden
        knelpunten benoemd en afspraken vastgelegd in een besluitenlijst. Schoolleiders vinden het lastig om
        andere scholen aan te spreken op het niet nakomen van afspraken over facilitering."""),
        ("Een open en collegiale sfeer waarin knelpunten bespreekbaar zijn.",),
        ("Elkaar aanspreken op het nakomen van afspraken tussen scholen is nog geen gewoonte.",),
        ("Bespreek in het schoolleidersoverleg periodiek per school de realisatie van de facilitering.",),
    ),
    "KC-5": DevFinding(
        _p("""De adviezen uit de peer review van 2020 zijn omgezet in een verbeterplan; het rollenboek en het
        centraal plaatsingsbureau zijn gerealiseerd. Het partnerschap leverde de afgelopen jaren drie keer een
        kritische peer voor een review elders, maar wat zij daar leerden, is niet gedeeld."""),
        ("Adviezen uit de vorige peer review zijn aantoonbaar opgevolgd.",),
        ("De ervaringen van de eigen kritische peers worden niet benut.",),
        ("Laat kritische peers na hun review kort terugkoppelen in het opleidersoverleg.",),
    ),
    "KC-6": DevFinding(
        _p("""De jaarlijkse onderzoeksmarkt, waar studenten, leraren en opleiders hun onderzoek presenteren, is
        een sterk moment van kennisdeling. Goede voorbeelden worden ook via de nieuwsbrief gedeeld. Vernieuwing
        komt vooral van enkele enthousiaste scholen."""),
        ("De onderzoeksmarkt verbindt scholen, hogeschool en studenten.",),
        ("Vernieuwing hangt af van enkele voortrekkers en is niet partnerschapsbreed georganiseerd.",),
        ("Verbind de onderzoeksmarkt met het jaarplan, zodat opbrengsten doorwerken in het programma.",),
    ),
}

_LINGEDELTA_STANDARDS = {
    "LL": StandardText(
        _p("""Samen Opleiden Lingedelta heeft een concreet en breed gedragen beeld van de leraar, dat in de
        scholen herkenbaar is en in begeleidingsgesprekken wordt gebruikt. De visie op opleiden volgt daar
        logisch uit. Aandachtspunten zijn de doorlopende lijn naar de inductie en de onderbouwing van de visie
        met onderzoek."""),
        ("Het Lingedelta-leraarsprofiel met vijf rollen.", "Praktijkonderzoek op vragen van de scholen."),
        ("De overgang van opleiding naar inductie.", "Het perspectief van leerlingen en ouders."),
        ("Maak de doorlopende lijn merkbaar voor starters, te beginnen met een startgesprek.",),
    ),
    "LO": StandardText(
        _p("""De werkplek is een rijke leeromgeving met een helder curriculum, goed geschoolde begeleiders en een
        gezamenlijke beoordeling. De verbinding tussen instituut en school is inhoudelijk sterk, maar de
        planning en de kalibratie van beoordelingen vragen aandacht. De inductie is goed opgezet maar niet op
        alle scholen volledig gerealiseerd."""),
        ("Het werkplekcurriculum per opleidingsjaar.", "Intervisie voor startende leraren."),
        ("Planning van opdrachten.", "Kalibratie met werkplekbegeleiders.", "Taakverlichting voor starters."),
        ("Stel een gezamenlijke jaarplanning op en betrek werkplekbegeleiders bij kalibratie.",),
    ),
    "OR": StandardText(
        _p("""De organisatie is op orde: een actuele overeenkomst, een gebruikt rollenboek, transparante middelen
        en een goed werkend plaatsingsbureau. Wat ontbreekt is een eenduidige lijn bij vastlopende stages en de
        verankering van het partnerschap in het personeelsbeleid van alle besturen."""),
        ("Centraal plaatsingsbureau.", "Scholingseisen met actueel overzicht."),
        ("Escalatie bij vastlopende stages.", "Verankering in het personeelsbeleid van drie besturen."),
        ("Maak bestuurlijke afspraken over het partnerschap in het strategisch personeelsbeleid.",),
    ),
    "KC": StandardText(
        _p("""Er is een open en collegiale cultuur en het partnerschap heeft de vorige peer review serieus
        opgevolgd. De kwaliteitszorg is echter vooral een rapportagecyclus: gegevens leiden zelden tot een
        gesprek of actie, en studenten en startende leraren horen niet wat er met hun inbreng gebeurt."""),
        ("Opvolging van de vorige peer review.", "De onderzoeksmarkt als moment van kennisdeling."),
        ("Analyse en opvolging van gegevens.", "Terugkoppeling aan betrokkenen."),
        ("Organiseer een jaarlijks datagesprek en houd een actielijst met eigenaren bij.",),
    ),
}

LINGEDELTA = DevelopmentalDemo(
    setting=_LINGEDELTA_SETTING,
    panel=_LINGEDELTA_PANEL,
    programme=_LINGEDELTA_PROGRAMME,
    questions=_LINGEDELTA_QUESTIONS,
    notes=_LINGEDELTA_NOTES,
    findings=_LINGEDELTA_FINDINGS,
    standards=_LINGEDELTA_STANDARDS,
    summary=_p("""Het panel heeft een partnerschap leren kennen dat trots is op zijn leraarsprofiel en waar
    studenten zich welkom en goed begeleid voelen. De basis van opleiden op de werkplek staat stevig. De
    volgende stap ligt in het verbinden: van opleiding naar inductie, van po naar vo en van gegevens naar
    verbetering. Het panel dankt alle gesprekspartners voor de open en constructieve gesprekken."""),
    key_recommendations=(
        "Voer een startgesprek in waarin starters hun laatste ontwikkelplan meenemen naar de inductie.",
        "Werk met po en vo aan een gezamenlijk inhoudelijk thema, zoals de overstap van leerlingen.",
        "Organiseer een jaarlijks datagesprek met alle geledingen en volg verbeteracties systematisch.",
        "Leg de begeleidingstijd van werkplekbegeleiders per school vast en maak die zichtbaar.",
    ),
)


# =====================================================================================================
# 2. Opleidingsschool Heidezoom: beoordelingsgerichte peer review, klaar om vast te stellen
# =====================================================================================================

_HEIDEZOOM_SETTING = Setting(
    key="heidezoom-2026",
    kind="assessment",
    partnership="Opleidingsschool Heidezoom",
    sectors=(Sector.VO, Sector.MBO),
    region="Onderwijsregio Heidezoom",
    status=RecognitionStatus.ASPIRANT,
    visit=date(2026, 9, 24),
    phase=Phase.REPORTING,
)

_HEIDEZOOM_PANEL = (
    Person("chair", "Annelies Koster", Role.CHAIR, "Onafhankelijk voorzitter"),
    Person("secretary", "Bram Hoekstra", Role.SECRETARY, "Onafhankelijk secretaris"),
    Person("yusuf", "Yusuf Demir", Role.MEMBER, "Stedelijk Lyceum Waterpoort (Samen Opleiden Lingedelta)"),
    Person("ingrid", "Ingrid Smeets", Role.MEMBER, "Hogeschool Midden-Delta"),
    Person("lotte", "Lotte Vermeulen", Role.STUDENT_MEMBER, "Hogeschool Midden-Delta, lerarenopleiding Nederlands"),
)

_HEIDEZOOM_PLACE = "Heidezoom College, vergadercentrum"
_ALL_HEIDEZOOM = ("chair", "secretary", "yusuf", "ingrid", "lotte")

_HEIDEZOOM_PROGRAMME = (
    Talk(
        "opening",
        "Opening en gesprek met de stuurgroep",
        "09:00",
        "09:45",
        "Stuurgroep: twee vo-bestuurders, de directeur onderwijs van het Heidezoom College en de projectleider",
        _HEIDEZOOM_PLACE,
        _ALL_HEIDEZOOM,
        ("LL", "OR-1", "OR-3"),
    ),
    Talk(
        "students",
        "Studenten vo en mbo",
        "10:00",
        "10:45",
        "Zeven studenten van tweedegraads lerarenopleidingen en de pedagogisch-didactische opleiding (mbo)",
        _HEIDEZOOM_PLACE,
        ("chair", "secretary", "ingrid", "lotte"),
        ("LO-1", "LO-2", "LO-3", "LO-4", "LO-6"),
    ),
    Talk(
        "starters",
        "Startende leraren",
        "11:00",
        "11:45",
        "Vijf startende leraren uit het vo en het mbo",
        _HEIDEZOOM_PLACE,
        ("secretary", "yusuf", "ingrid", "lotte"),
        ("LL-4", "LO-5"),
    ),
    Talk(
        "coaches",
        "Werkplekbegeleiders en schoolopleiders",
        "12:00",
        "12:45",
        "Zes werkplekbegeleiders en twee schoolopleiders",
        _HEIDEZOOM_PLACE,
        ("chair", "secretary", "yusuf", "lotte"),
        ("LO-3", "LO-4", "OR-2", "OR-4"),
    ),
    Talk(
        "institute",
        "Instituutsopleiders en opleidingsmanagers",
        "13:30",
        "14:15",
        "Drie instituutsopleiders en een opleidingsmanager van Hogeschool Heidezoom",
        _HEIDEZOOM_PLACE,
        ("chair", "secretary", "yusuf", "ingrid"),
        ("LL-2", "LL-6", "LO-2"),
    ),
    Talk(
        "leaders",
        "Bestuurders en schoolleiders",
        "14:30",
        "15:15",
        "Twee bestuurders, drie schoolleiders vo en een teamleider mbo",
        _HEIDEZOOM_PLACE,
        _ALL_HEIDEZOOM,
        ("OR-5", "OR-6", "KC"),
    ),
    Talk(
        "deliberation",
        "Beraadslaging van de commissie",
        "15:15",
        "16:00",
        "Alleen de commissie",
        "Heidezoom College, kamer B2.07",
        _ALL_HEIDEZOOM,
    ),
    Talk(
        "feedback",
        "Mondelinge terugkoppeling",
        "16:00",
        "16:30",
        "Stuurgroep en projectleider; de commissie deelt eerste indrukken, nog zonder oordeel",
        _HEIDEZOOM_PLACE,
        _ALL_HEIDEZOOM,
    ),
)

_HEIDEZOOM_NOTES = (
    NoteText(
        "yusuf",
        "opening",
        ("LL-1", "LL-3"),
        "Visiedocument 'Samen sterk voor de klas' (2023) door alle besturen ondertekend; mbo schreef actief mee.",
    ),
    NoteText(
        "lotte",
        "students",
        ("LO-3", "LO-6"),
        "Mbo-studenten voelen zich collega; vo-studenten hebben vaker wisselende begeleiders door roosters.",
    ),
    NoteText(
        "ingrid",
        "starters",
        ("LO-5",),
        "Inductie sinds 2025 voor alle starters, ook zij-instromers in het mbo. Taakverlichting 8 procent.",
    ),
    NoteText(
        "yusuf",
        "leaders",
        ("KC-2",),
        _p("""Tevredenheid wordt gemeten, maar cijfers over uitval van studenten en behoud van starters zijn er
        niet. Monitor 'staat gepland voor volgend schooljaar'."""),
    ),
    NoteText(
        "lotte",
        "leaders",
        ("KC-2", "KC-3"),
        _p("""Studentenraad van het partnerschap bespreekt de tevredenheidsuitkomsten elk half jaar met de
        stuurgroep; acties staan op de website."""),
    ),
)

_HEIDEZOOM_FINDINGS = {
    "LL-1": Judged(
        "meets",
        _p("""Het visiedocument 'Samen sterk voor de klas' beschrijft de leraar die het partnerschap wil opleiden
        en is in 2023 door alle besturen en de hogeschool ondertekend. Gesprekspartners konden het beeld in
        eigen woorden toelichten."""),
        "Visiedocument, ondertekening door alle partners, gesprekken met stuurgroep en schoolleiders.",
    ),
    "LL-2": Judged(
        "meets",
        _p("""De visie op opleiden ('leren door doen, reflecteren en samen verbeteren') is aantoonbaar afgeleid
        van het beeld van de leraar en terug te zien in de opbouw van het opleidingsprogramma."""),
    ),
    "LL-3": Judged(
        "meets",
        _p("""Schoolopleiders, werkplekbegeleiders en instituutsopleiders kenden de visie en gaven concrete
        voorbeelden van wat die voor hun werk betekent. Ook de mbo-partners dragen de visie uit."""),
    ),
    "LL-4": Judged(
        "meets",
        _p("""Het opleidingsplan beschrijft hoe opleiding, inductie en professionalisering op elkaar aansluiten.
        De overdracht van student naar starter is sinds 2025 geregeld met een overdrachtsformulier."""),
    ),
    "LL-5": Judged(
        "meets",
        _p("""De visie benoemt de bekwaamheden die nodig zijn in het vo en het mbo, waaronder het werken met
        beroepspraktijkvorming en met leerlingen in de basisberoepsgerichte leerweg."""),
    ),
    "LL-6": Judged(
        "meets",
        _p("""Studenten doen praktijkonderzoek op vragen van de school, en in twee scholen is een
        onderzoeksgroep van leraren actief. Resultaten worden gedeeld op een jaarlijkse bijeenkomst."""),
    ),
    "LO-1": Judged(
        "meets",
        _p("""Voor elke opleidingsfase en voor de inductie is een programma met leerdoelen en leeractiviteiten
        beschreven; studenten en begeleiders kennen het."""),
    ),
    "LO-2": Judged(
        "meets",
        _p("""Opdrachten van de hogeschool zijn afgestemd op de praktijk van vo en mbo. Schoolopleiders en
        instituutsopleiders overleggen maandelijks in een gezamenlijk opleidersteam."""),
    ),
    "LO-3": Judged(
        "meets",
        _p("""Iedere student en starter heeft een vaste begeleider; alle werkplekbegeleiders zijn geschoold of
        volgen de training dit schooljaar. Wisselende begeleiders in het vo worden als aandachtspunt gezien."""),
        "Vo-studenten noemden wisselende begeleiders door roosterwijzigingen.",
    ),
    "LO-4": Judged(
        "meets",
        _p("""Beoordelingscriteria en -procedures zijn vastgelegd in de stagegids en bekend bij studenten en
        beoordelaars. School en instituut hebben elk een omschreven rol in de beoordeling."""),
    ),
    "LO-5": Judged(
        "meets",
        _p("""Sinds 2025 is er een inductieprogramma voor alle startende leraren, inclusief zij-instromers in het
        mbo, met een begeleider en acht procent taakverlichting in het eerste jaar."""),
    ),
    "LO-6": Judged(
        "meets",
        _p("""Studenten en starters nemen deel aan teamoverleg en studiedagen. In het mbo zijn studenten lid van
        een onderwijsteam en worden zij als collega gezien."""),
    ),
    "OR-1": Judged(
        "meets",
        _p("""De samenwerkingsovereenkomst (2023) legt de doelen, de inbreng van de partners en de besluitvorming
        door de stuurgroep vast en is door alle partners ondertekend."""),
    ),
    "OR-2": Judged(
        "meets",
        _p("""Taken en verantwoordelijkheden van alle rollen zijn beschreven in het rolprofielenboek, en
        betrokkenen konden hun eigen rol en die van anderen toelichten."""),
    ),
    "OR-3": Judged(
        "meets",
        _p("""De begroting en de jaarverantwoording tonen hoe de middelen worden verdeeld. Werkplekbegeleiders
        krijgen veertig uur per student per jaar, wat in de gesprekken werd bevestigd."""),
    ),
    "OR-4": Judged(
        "meets",
        _p("""Er zijn scholingseisen voor werkplekbegeleiders en schoolopleiders en een overzicht van wie daaraan
        voldoet. Vier werkplekbegeleiders ronden de training dit schooljaar af."""),
    ),
    "OR-5": Judged(
        "meets",
        _p("""Plaatsing, voortgang en signalering van problemen verlopen via vaste contactpersonen en een
        beschreven procedure. Er is een verwerkersovereenkomst voor de uitwisseling van gegevens."""),
    ),
    "OR-6": Judged(
        "meets",
        _p("""Het strategisch personeelsbeleid van de deelnemende besturen verwijst naar het partnerschap;
        startende leraren krijgen bij voorkeur een aanstelling binnen het partnerschap."""),
    ),
    "KC-1": Judged(
        "meets",
        _p("""Er is een beschreven kwaliteitszorgcyclus. De evaluatie van 2025 heeft geleid tot vier
        verbeteracties, waarvan de voortgang in de stuurgroep wordt gevolgd."""),
    ),
    "KC-2": Judged(
        "does_not_meet",
        _p("""De tevredenheid van studenten, starters en begeleiders wordt jaarlijks gemeten, maar er worden nog
        geen gegevens verzameld over in-, door- en uitstroom van studenten en over het behoud van startende
        leraren. Daarmee ontbreekt een wezenlijk deel van wat dit kenmerk op basisniveau vraagt. Een monitor is
        gepland voor het schooljaar 2026-2027."""),
        "Tevredenheidsmeting 2025 ingezien; een uitstroom- en behoudmonitor bestaat nog niet.",
    ),
    "KC-3": Judged(
        "meets",
        _p("""Een studentenraad van het partnerschap bespreekt de uitkomsten van evaluaties halfjaarlijks met de
        stuurgroep. Wat er met de inbreng is gedaan, wordt op de website gepubliceerd."""),
    ),
    "KC-4": Judged(
        "meets",
        _p("""Partners bespreken resultaten en knelpunten in het maandelijkse opleidersteam en in de stuurgroep;
        afspraken worden in een besluitenlijst vastgelegd."""),
    ),
    "KC-5": Judged(
        "meets",
        _p("""Als aspirant-partnerschap heeft Heidezoom nog geen eerdere peer review ontvangen. De adviezen uit
        de tussentijdse ontwikkelgesprekken met het Platform zijn wel omgezet in acties met een planning, en
        twee medewerkers namen als kritische peer deel aan reviews elders."""),
    ),
    "KC-6": Judged(
        "meets",
        _p("""Goede voorbeelden worden gedeeld op een jaarlijkse partnerschapsdag en via een gezamenlijke
        digitale omgeving. Het mbo en het vo leren zichtbaar van elkaar."""),
    ),
}

HEIDEZOOM = AssessmentDemo(
    setting=_HEIDEZOOM_SETTING,
    panel=_HEIDEZOOM_PANEL,
    programme=_HEIDEZOOM_PROGRAMME,
    notes=_HEIDEZOOM_NOTES,
    findings=_HEIDEZOOM_FINDINGS,
    dissents=(
        Dissent(
            "lotte",
            "KC-2",
            "meets",
            "De tevredenheid wordt jaarlijks gemeten en met studenten besproken; de monitor is concreet gepland.",
            _p("""Ik kom tot 'voldoet'. De tevredenheidsgegevens worden serieus gebruikt, en het plan voor een
            uitstroom- en behoudmonitor heeft een eigenaar en een planning. Dat die gegevens er nog niet zijn,
            weegt voor mij minder zwaar dan voor de meerderheid van de commissie."""),
        ),
    ),
    overrides=(
        Override(
            "KC",
            "meets",
            _p("""De commissie wijkt af van het afgeleide oordeel. Kenmerk KC-2 voldoet niet, omdat gegevens over
            uitstroom en behoud nog ontbreken. De overige vijf kenmerken van deze waarborg voldoen ruim: er is
            een werkende cyclus, studenten zijn structureel betrokken en partners spreken elkaar open aan. Voor
            KC-2 is een concreet plan met eigenaar en planning vastgesteld. De commissie acht de
            kwaliteitscultuur als geheel daarmee op basisniveau."""),
        ),
    ),
    standards={
        "LL": _p("""Alle kenmerken voldoen. Het partnerschap heeft een gezamenlijk vastgestelde en breed gedragen
        visie op het leraarschap en op opleiden, die herkenbaar is in het programma en in de gesprekken."""),
        "LO": _p("""Alle kenmerken voldoen. De werkplek biedt een samenhangend programma met geschoolde
        begeleiding, een gezamenlijke beoordeling en een inductieprogramma voor alle starters."""),
        "OR": _p("""Alle kenmerken voldoen. Afspraken, rollen, middelen en procedures zijn vastgelegd en werken
        in de praktijk; het partnerschap is verankerd in het personeelsbeleid van de besturen."""),
        "KC": _p("""Vijf van de zes kenmerken voldoen; KC-2 voldoet niet. Op grond van de gemotiveerde afwijking
        van het afgeleide oordeel oordeelt de commissie dat de waarborg als geheel voldoet."""),
    },
    motivation=_p("""Opleidingsschool Heidezoom realiseert de basiskwaliteit op alle vier waarborgen. De commissie
    zag een partnerschap met een gedeelde visie, een goed georganiseerde leeromgeving voor vo en mbo en een
    open kwaliteitscultuur. Het ontbreken van gegevens over uitstroom en behoud is een serieus aandachtspunt
    dat het partnerschap binnen een jaar moet oplossen, maar doet aan het eindoordeel geen afbreuk. De
    commissie komt daarom tot het oordeel basiskwaliteit voldoende."""),
    recommendations=(
        "Neem de uitstroom- en behoudmonitor in schooljaar 2026-2027 in gebruik en bespreek de uitkomsten.",
        "Zorg voor vaste werkplekbegeleiders in het vo, ook bij roosterwijzigingen.",
        "Bouw de onderzoeksgroepen uit naar meer scholen en betrek startende leraren erbij.",
    ),
)


# =====================================================================================================
# 3. Partnerschap Zuidwest Leren: beoordelingsgerichte peer review, half ingevuld tijdens het bezoek
# =====================================================================================================

_ZUIDWEST_SETTING = Setting(
    key="zuidwest-2026",
    kind="assessment",
    partnership="Partnerschap Zuidwest Leren",
    sectors=(Sector.PO,),
    region="Onderwijsregio Delta Zuidwest",
    status=RecognitionStatus.ASPIRANT,
    visit=date(2026, 11, 19),
    phase=Phase.VISIT,
)

_ZUIDWEST_PANEL = (
    Person("chair", "Ellen Jansen", Role.CHAIR, "Stichting Kindcentra Lingedelta"),
    Person("secretary", "Tom Mulder", Role.SECRETARY, "Onafhankelijk secretaris"),
    Person("noor", "Noor Hendriks", Role.MEMBER, "Kindcentrum De Wilgenhoek (Samen Opleiden Lingedelta)"),
    Person("daan", "Daan Visser", Role.STUDENT_MEMBER, "Hogeschool Midden-Delta, pabo"),
)

_ZUIDWEST_PLACE = "Kindcentrum De Zeepaal, teamkamer"
_ALL_ZUIDWEST = ("chair", "secretary", "noor", "daan")

_ZUIDWEST_PROGRAMME = (
    Talk(
        "opening",
        "Opening en gesprek met de stuurgroep",
        "09:00",
        "09:45",
        "Drie po-bestuurders en de opleidingscoördinator van de pabo",
        _ZUIDWEST_PLACE,
        _ALL_ZUIDWEST,
        ("LL", "OR"),
    ),
    Talk(
        "students",
        "Pabostudenten",
        "10:00",
        "10:45",
        "Acht pabostudenten uit alle studiejaren, onder wie twee deeltijdstudenten",
        _ZUIDWEST_PLACE,
        _ALL_ZUIDWEST,
        ("LO",),
    ),
    Talk(
        "starters",
        "Startende leraren",
        "11:00",
        "11:45",
        "Vier startende leraren basisonderwijs",
        _ZUIDWEST_PLACE,
        ("secretary", "noor", "daan"),
        ("LL-4", "LO-5"),
    ),
    Talk(
        "coaches",
        "Mentoren en schoolopleiders",
        "12:00",
        "12:45",
        "Vijf mentoren en twee schoolopleiders",
        _ZUIDWEST_PLACE,
        ("chair", "secretary", "noor"),
        ("LO-3", "LO-4", "OR-4"),
    ),
    Talk(
        "leaders",
        "Directeuren en bestuur",
        "13:30",
        "14:15",
        "Vier directeuren van kindcentra en twee bestuurders",
        _ZUIDWEST_PLACE,
        _ALL_ZUIDWEST,
        ("OR", "KC"),
    ),
    Talk(
        "feedback",
        "Terugkoppeling",
        "15:30",
        "16:00",
        "Stuurgroep en opleidingscoördinator",
        _ZUIDWEST_PLACE,
        _ALL_ZUIDWEST,
    ),
)

_ZUIDWEST_NOTES = (
    NoteText(
        "chair",
        "opening",
        ("LL-1", "LL-2"),
        "Visie 'Elk kind een goede leraar' vastgesteld in 2024; pabo en besturen schreven samen.",
    ),
    NoteText(
        "daan",
        "students",
        ("LO-1", "LO-2"),
        "Studenten kennen de leerdoelen per jaar. Deeltijders: opdrachten slecht te combineren met hun baan.",
    ),
    NoteText(
        "noor",
        "starters",
        ("LO-5",),
        _p("""Inductie alleen op de scholen van één bestuur. Starters bij de andere twee besturen: 'ik regel het
        zelf met mijn duo-collega'."""),
    ),
    NoteText(
        "noor",
        "coaches",
        ("LO-3", "OR-4"),
        "Mentoren geschoold via de pabo-training; overzicht wie getraind is ontbreekt bij één bestuur.",
    ),
    NoteText(
        "daan",
        "leaders",
        ("KC-1", "KC-3"),
        "Evaluatie met studenten één keer per jaar; directeuren noemen geen concrete verbeteracties.",
    ),
    NoteText(
        "chair",
        "leaders",
        ("OR-1", "OR-3"),
        "Overeenkomst verlengd tot 2028. Verdeling middelen per bestuur, niet per activiteit zichtbaar.",
    ),
)

_ZUIDWEST_FINDINGS = {
    "LL-1": Judged(
        "meets",
        _p("""Het beeld 'Elk kind een goede leraar' is in 2024 samen met de pabo vastgesteld en in alle
        gesprekken herkend."""),
    ),
    "LL-2": Judged(
        "meets",
        "De visie op opleiden volgt uit het beeld van de leraar en is uitgewerkt in het opleidingsplan.",
    ),
    "LL-3": Judged(
        "meets",
        "Mentoren, schoolopleiders en directeuren konden de visie in eigen woorden toelichten.",
    ),
    "LL-4": Judged(
        "meets",
        _p("""Het opleidingsplan beschrijft de lijn van opleiding naar inductie; voorlopig oordeel, de uitvoering
        bij twee besturen wordt nog gewogen bij LO-5."""),
    ),
    "LL-5": Judged(
        "meets",
        "De visie benoemt het werken in kleine dorpsscholen en met jonge nieuwkomers als regionale opgaven.",
    ),
    "LL-6": Judged(
        "meets",
        "Studenten doen in het vierde jaar praktijkonderzoek op een vraag van de school.",
    ),
    "LO-1": Judged(
        "meets",
        "Er is per studiejaar een programma met leerdoelen; studenten kennen het.",
    ),
    "LO-2": Judged(
        "meets",
        _p("""Opdrachten zijn met schoolopleiders afgestemd. Voor deeltijdstudenten sluiten zij minder goed aan;
        dat is een aandachtspunt, geen tekortkoming op basisniveau."""),
    ),
    "LO-3": Judged(
        "meets",
        "Iedere student heeft een vaste mentor; de mentoren zijn via de pabo-training geschoold.",
    ),
    "LO-4": Judged(
        "meets",
        "Beoordeling door mentor en pabodocent met vastgelegde criteria die studenten kennen.",
    ),
    "LO-5": Judged(
        "does_not_meet",
        _p("""Voorlopig oordeel: alleen de scholen van één van de drie besturen bieden een inductieprogramma.
        Starters bij de andere besturen hebben geen vaste begeleiding en geen afspraken over taakbelasting."""),
    ),
    "LO-6": Judged(
        "meets",
        "Studenten nemen deel aan teamvergaderingen en studiedagen van het kindcentrum.",
    ),
}

ZUIDWEST = AssessmentDemo(
    setting=_ZUIDWEST_SETTING,
    panel=_ZUIDWEST_PANEL,
    programme=_ZUIDWEST_PROGRAMME,
    notes=_ZUIDWEST_NOTES,
    findings=_ZUIDWEST_FINDINGS,
)


# =====================================================================================================
# 4. Samen Opleiden Waddenkust: ontwikkelingsgerichte peer review uit 2024, vastgesteld
# =====================================================================================================

_WADDENKUST_SETTING = Setting(
    key="waddenkust-2024",
    kind="developmental",
    partnership="Samen Opleiden Waddenkust",
    sectors=(Sector.PO, Sector.VO, Sector.MBO),
    region="Onderwijsregio Noordkust",
    status=RecognitionStatus.RECOGNISED,
    visit=date(2024, 10, 3),
    phase=Phase.ADOPTED,
)

_WADDENKUST_PANEL = (
    Person("chair", "Hans de Boer", Role.CHAIR, "Opleidingsschool Heidezoom"),
    Person("secretary", "Karin Postma", Role.SECRETARY, "Postma Tekst & Onderzoek"),
    Person("ruud", "Ruud Kok", Role.MEMBER, "Hogeschool Midden-Delta"),
    Person("mila", "Mila Bos", Role.STUDENT_MEMBER, "Hogeschool Heidezoom, pabo"),
)

_WADDENKUST_PLACE = "Noorderhaven College, aula"
_ALL_WADDENKUST = ("chair", "secretary", "ruud", "mila")

_WADDENKUST_PROGRAMME = (
    Talk("opening", "Opening en stuurgroep", "09:00", "09:45", "Stuurgroep", _WADDENKUST_PLACE, _ALL_WADDENKUST),
    Talk(
        "students", "Studenten po, vo en mbo", "10:00", "10:45", "Negen studenten", _WADDENKUST_PLACE, _ALL_WADDENKUST
    ),
    Talk(
        "starters", "Startende leraren", "11:00", "11:45", "Zes startende leraren", _WADDENKUST_PLACE, _ALL_WADDENKUST
    ),
    Talk(
        "coaches",
        "Begeleiders en opleiders",
        "12:00",
        "12:45",
        "Werkplekbegeleiders, schoolopleiders en instituutsopleiders",
        _WADDENKUST_PLACE,
        _ALL_WADDENKUST,
    ),
    Talk(
        "leaders",
        "Schoolleiders en bestuur",
        "13:30",
        "14:15",
        "Schoolleiders en bestuurders",
        _WADDENKUST_PLACE,
        _ALL_WADDENKUST,
    ),
    Talk("feedback", "Terugkoppeling", "15:30", "16:00", "Stuurgroep", _WADDENKUST_PLACE, _ALL_WADDENKUST),
)

_WADDENKUST_QUESTIONS = (
    Question(
        "q1",
        "Hoe houden we studenten en startende leraren vast in een krimpregio met lange reisafstanden?",
        "De helft van de afgestudeerden vertrekt binnen twee jaar naar de Randstad of naar een andere sector.",
        _p("""Het panel ziet dat het partnerschap al veel doet: reiskostenvergoeding, een baangarantie en
        kleine leerteams op eilandscholen. Het panel adviseert het contact met studenten al in het eerste
        studiejaar te leggen en de stage op afgelegen scholen te koppelen aan een vaste plek in een leerteam,
        zodat studenten zich vroeg aan de regio binden."""),
    ),
    Question(
        "q2",
        "Hoe kan het mbo volwaardig deelnemen aan het partnerschap?",
        "Het mbo sloot in 2022 aan en voelt zich nog gast in een partnerschap dat door po en vo is opgebouwd.",
        _p("""Het panel adviseert het mbo een eigen plaats in de stuurgroep en het opleidersoverleg te geven, en
        samen een onderwerp te kiezen waarin het mbo voorop loopt, zoals het opleiden van zij-instromers."""),
    ),
)

_WADDENKUST_OBSERVATIONS = {
    "LL-1": "Het beeld van de 'Waddenleraar' is in 2022 met alle partners vastgesteld en breed bekend.",
    "LL-2": "De visie op opleiden legt de nadruk op leren in kleine teams en is uitgewerkt in het opleidingsplan.",
    "LL-3": "Schoolleiders en opleiders dragen de visie; het mbo herkent zich er nog beperkt in.",
    "LL-4": "De lijn van opleiding naar inductie is beschreven; professionalisering daarna nog niet.",
    "LL-5": "Krimp, reisafstanden en combinatieklassen zijn als regionale opgaven in de visie opgenomen.",
    "LL-6": "Praktijkonderzoek door studenten is vast onderdeel van het afstudeerjaar.",
    "LO-1": "Per sector is een werkplekprogramma met leerdoelen beschreven.",
    "LO-2": "Instituut en scholen stemmen opdrachten af in een halfjaarlijks opleidersoverleg.",
    "LO-3": "Alle studenten hebben een vaste, geschoolde werkplekbegeleider.",
    "LO-4": "De beoordeling is gezamenlijk; kalibratie vindt jaarlijks plaats.",
    "LO-5": "Starters krijgen twee jaar begeleiding; op eilandscholen gebeurt dat deels online.",
    "LO-6": "Studenten zijn onderdeel van kleine schoolteams en worden snel als collega gezien.",
    "OR-1": "De samenwerkingsovereenkomst is in 2022 herzien bij de aansluiting van het mbo.",
    "OR-2": "Rollen zijn beschreven; de rol van de mbo-partner is nog niet uitgewerkt.",
    "OR-3": "Middelen worden per sector verdeeld; reiskosten van studenten worden vergoed.",
    "OR-4": "Scholingseisen voor begeleiders zijn vastgelegd en worden bijgehouden.",
    "OR-5": "Plaatsing verloopt per sector, met een gezamenlijke planning voor de eilandscholen.",
    "OR-6": "Alle besturen bieden afgestudeerden een baangarantie.",
    "KC-1": "Het partnerschap evalueert jaarlijks en stelt een verbeterplan op.",
    "KC-2": "Gegevens over tevredenheid en behoud worden verzameld en per sector geanalyseerd.",
    "KC-3": "Studenten zijn vertegenwoordigd in de werkgroep kwaliteit.",
    "KC-4": "Partners bespreken knelpunten open in de stuurgroep.",
    "KC-5": "De adviezen uit de review van 2018 zijn opgevolgd en in het jaarverslag verantwoord.",
    "KC-6": "Kennis wordt gedeeld op een jaarlijkse Waddendag voor alle scholen.",
}

WADDENKUST = DevelopmentalDemo(
    setting=_WADDENKUST_SETTING,
    panel=_WADDENKUST_PANEL,
    programme=_WADDENKUST_PROGRAMME,
    questions=_WADDENKUST_QUESTIONS,
    notes=(
        NoteText("ruud", "students", ("LO-3",), "Studenten op eilandscholen: begeleiding goed, reistijd zwaar."),
        NoteText("mila", "starters", ("LO-5", "KC-2"), "Drie van de zes starters overwegen te vertrekken."),
        NoteText("chair", "leaders", ("OR-2",), "Mbo-directeur: 'we zitten aan tafel, maar nog niet aan het stuur'."),
    ),
    findings={
        cid: DevFinding(text, questions=("q1",) if cid in ("LO-5", "OR-6", "KC-2") else ())
        for cid, text in _WADDENKUST_OBSERVATIONS.items()
    },
    standards={
        "LL": StandardText(
            "Een sterk, regionaal gekleurd beeld van de leraar, dat het mbo nog niet volledig deelt.",
            ("Het beeld van de Waddenleraar.",),
            ("Betrokkenheid van het mbo bij de visie.",),
        ),
        "LO": StandardText(
            "Een rijke leeromgeving in kleine teams, met creatieve oplossingen voor de reisafstanden.",
            ("Kleine leerteams.",),
            ("Inductie op afgelegen scholen.",),
        ),
        "OR": StandardText(
            "Een goed geregelde organisatie per sector; de plaats van het mbo vraagt nog uitwerking.",
            ("Baangarantie bij alle besturen.",),
            ("De rol van de mbo-partner.",),
        ),
        "KC": StandardText(
            "Een open kwaliteitscultuur waarin gegevens over behoud serieus worden genomen.",
            ("Studenten in de werkgroep kwaliteit.",),
            (),
            ("Analyseer gegevens over behoud over de sectoren heen.",),
        ),
    },
    summary=_p("""Samen Opleiden Waddenkust is een hecht partnerschap dat zijn regionale opgaven kent en er
    creatief mee omgaat. De belangrijkste uitdagingen zijn het binden van jonge leraren aan de regio en het
    volwaardig betrekken van het mbo."""),
    key_recommendations=(
        "Leg al in het eerste studiejaar een band tussen studenten en scholen in de regio.",
        "Geef het mbo een eigen plaats in stuurgroep en opleidersoverleg.",
    ),
)

DEMOS: tuple[DevelopmentalDemo | AssessmentDemo, ...] = (LINGEDELTA, HEIDEZOOM, ZUIDWEST, WADDENKUST)
"""The demo reviews, in the order they are created."""
