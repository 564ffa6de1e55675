/**
 * Word lists for the synthetic demo data: fictional project and organisation names, knelpunt texts.
 * Plain data, no logic. Every name is made up; organisation names get " (demo)" appended.
 */
import type { KnelpuntCategory } from '../domain/codes.ts';

/** Stems for compound project names ("Molen" + "kwartier"). */
export const PLACE_STEMS = [
  'Molen', 'Haven', 'Spoor', 'Kerk', 'Beek', 'Dijk', 'Linden', 'Eiken', 'Wilgen', 'Berken',
  'Kastanje', 'Vlier', 'Brug', 'Sluis', 'Veld', 'Weide', 'Akker', 'Kade', 'Markt', 'Bloesem',
  'Zonne', 'Water', 'Polder', 'Burcht', 'Stads', 'Dorps', 'Brink', 'Essen', 'Koren', 'Vlas',
  'Zilver', 'Reiger', 'Lelie', 'Ooievaar', 'Vlinder', 'Wind', 'Duin', 'Heide', 'Boomgaard', 'Vesting',
  'Klooster', 'Schans', 'Wetering', 'Ketel', 'Zuivel', 'Steenbakkers', 'Lijnbaan', 'Touwslagers', 'Suiker', 'Tramremise',
  'Gasfabriek', 'Veiling', 'Werf', 'Zwanen', 'Merel', 'Hazelaar', 'Rozen', 'Appel', 'Peren', 'Kersen',
] as const;

export const PLACE_SUFFIXES = [
  'kwartier', 'hof', 'park', 'veld', 'wijk', 'tuinen', 'weide', 'kade', 'buurt', 'hoven',
  'erf', 'laan', 'zicht', 'oever', 'eiland', 'poort', 'terrein', 'dreef', 'lanen', 'rijk', 'gaarde', 'plein',
] as const;

export const DE_NAMES = [
  'Akkers', 'Hoeven', 'Weiden', 'Gaarden', 'Kampen', 'Essen', 'Velden', 'Hooilanden', 'Driehoek', 'Bongerd',
  'Groene Zoom', 'Nieuwe Erven', 'Buitenplaats', 'Vaart', 'Waard', 'Meent', 'Horst', 'Kreek', 'Beemd', 'Wielen',
  'Blokhut', 'Stroming', 'Ruimte', 'Nieuwe Brink', 'Lange Akker', 'Hoge Weide', 'Kromme Dijk', 'Oude Werf',
] as const;

export const HET_NAMES = [
  'Schoolplein', 'Veilingterrein', 'Havenfront', 'Kloosterveld', 'Zwanenwater', 'Ambachtsterrein', 'Lint', 'Fabriekserf',
  'Oude Raadhuis', 'Stationsplein', 'Binnenhof', 'Dorpshart', 'Groene Hart', 'Wilgenrijk', 'Sluiseiland', 'Kanaalfront',
] as const;

export const AREA_NAMES = [
  'Stationsgebied', 'Centrumplan', 'Havengebied', 'Kanaalzone', 'Spoorzone', 'Dorpsrand', 'Stadsrand', 'Uitbreiding',
  'Binnenstad', 'Rivierfront', 'Entree', 'Werkgebied', 'Polderrand', 'Kernrand',
] as const;

export const DIRECTIONS = ['Noord', 'Oost', 'Zuid', 'West', 'Midden', 'Noordoost', 'Zuidwest', 'Noordwest', 'Zuidoost'] as const;

/** Former use, for transformatie projects ("Voormalig schoolgebouw Lindenhof"). */
export const FORMER_USES = [
  'kantoor', 'schoolgebouw', 'ziekenhuisterrein', 'postkantoor', 'gemeentehuis', 'politiebureau', 'zuivelfabriek',
  'bankgebouw', 'klooster', 'bedrijfshal', 'winkelcentrum', 'verzorgingshuis',
] as const;

/** Fictional name parts for organisations ("Linde" + "stede" → "Lindestede"). */
export const ORG_STEMS = [
  'Linde', 'Eem', 'Vliet', 'Esch', 'Heem', 'Ruyg', 'Wester', 'Ooster', 'Zuider', 'Noorder',
  'Hoog', 'Zand', 'Klei', 'Veen', 'Berk', 'Eik', 'Els', 'Iep', 'Hazel', 'Wilg',
  'Rozen', 'Tulp', 'Gouden', 'Zilver', 'Groen', 'Ster', 'Zon', 'Mare', 'Delf', 'Horn',
] as const;

export const ORG_ENDINGS = [
  'stede', 'burg', 'haeghe', 'hoeve', 'waerde', 'dael', 'oord', 'borgh', 'veste', 'horst', 'mond', 'kamp', 'rode', 'wijck',
] as const;

export const SURNAMES = [
  'Van der Veen', 'De Boer', 'Bakker', 'Jansen', 'Visser', 'Smit', 'Meijer', 'De Groot', 'Mulder', 'Bos',
  'Vos', 'Peters', 'Hendriks', 'Van Dijk', 'Dekker', 'Brouwer', 'De Wit', 'Dijkstra', 'Smits', 'De Graaf',
  'Van der Meer', 'Kok', 'Verhoeven', 'Prins', 'Huisman', 'Kuipers', 'Schouten', 'Koster', 'Willems', 'Post',
  'Vermeulen', 'Van den Berg', 'Hoekstra', 'Maas', 'Verbeek', 'Jacobs', 'Van Leeuwen', 'Sanders', 'Timmermans', 'Kramer',
] as const;

/** One-line knelpunt descriptions per category. */
export const KNELPUNT_TEXTS: Record<KnelpuntCategory, readonly string[]> = {
  netcongestie: [
    'Wachtlijst bij de netbeheerder voor de aansluiting; uitbreiding van het onderstation pas over enkele jaren.',
    'Onvoldoende netcapaciteit voor de elektrische aansluiting van de woningen.',
    'Netbeheerder kan bouwstroom niet tijdig leveren.',
    'Aansluiting op het middenspanningsnet vertraagd door netcongestie in de regio.',
  ],
  stikstof: [
    'Stikstofdepositie tijdens de bouwfase vraagt om een natuurvergunning.',
    'Intern salderen onvoldoende; extern salderen nodig voor de bouwfase.',
    'AERIUS-berekening laat depositie op een nabijgelegen Natura 2000-gebied zien.',
  ],
  water_en_bodem: [
    'Bodemverontreiniging op het voormalige bedrijfsterrein moet eerst gesaneerd worden.',
    'Waterschap vraagt extra waterberging in het plangebied.',
    'Hoge grondwaterstand vraagt een aangepaste fundering en peilbeheer.',
  ],
  geluid: [
    'Geluidbelasting van de nabijgelegen weg overschrijdt de voorkeurswaarde.',
    'Vliegtuiggeluid beperkt het aantal woningen in het plangebied.',
    'Spoorweggeluid vraagt dove gevels en een hogere grenswaarde.',
  ],
  financiele_haalbaarheid: [
    'Onrendabele top door gestegen bouwkosten; de businesscase sluit niet.',
    'Grondexploitatie negatief door hoge sanerings- en infrastructuurkosten.',
    'Betaalbaar programma alleen haalbaar met een aanvullende bijdrage.',
    'Hogere rente drukt de opbrengst bij verkoop aan een belegger.',
  ],
  ambtelijke_capaciteit: [
    'Onvoldoende capaciteit bij de gemeente voor het opstellen van de omgevingsplanwijziging.',
    'Vergunningverlening loopt achter door personeelstekort.',
    'Geen projectleider beschikbaar aan gemeentezijde.',
  ],
  bezwaar_en_beroep: [
    'Beroep ingesteld bij de Raad van State tegen het omgevingsplan.',
    'Zienswijzen van omwonenden over bouwhoogte en parkeren.',
    'Bezwaar tegen de omgevingsvergunning in behandeling.',
  ],
  grondpositie: [
    'Grond nog niet verworven; onderhandelingen met de eigenaar lopen.',
    'Versnipperd grondeigendom in het plangebied.',
    'Onteigening mogelijk nodig voor een deel van de kavels.',
  ],
  bereikbaarheid: [
    'Ontsluiting via de provinciale weg onvoldoende voor het extra verkeer.',
    'Afhankelijk van een nieuwe aansluiting op de rijksweg.',
    'Openbaar vervoer naar het gebied nog niet geregeld.',
  ],
  marktafzet: [
    'Voorverkoop blijft achter; 70% voorverkoop nodig voor start bouw.',
    'Belegger trekt zich terug uit de aankoop van de huurwoningen.',
    'Onzekere afzet van middenhuurwoningen na de nieuwe huurregels.',
  ],
  regelgeving: [
    'Parkeernorm maakt het programma onbetaalbaar.',
    'Eisen aan duurzaamheid en bouwregels stapelen zich op.',
    'Onduidelijkheid over de regels voor tijdelijke woningen.',
  ],
  overig: [
    'Archeologisch onderzoek vraagt meer tijd dan gepland.',
    'Beschermde soorten (vleermuizen, huismus) vragen een ontheffing.',
    'Afstemming met de buurgemeente over het programma loopt nog.',
  ],
};

/** One-line resolutions per category, for resolved knelpunten. */
export const RESOLUTION_TEXTS: Record<KnelpuntCategory, readonly string[]> = {
  netcongestie: ['Gefaseerde aansluiting afgesproken met de netbeheerder.', 'Tijdelijke bouwstroom via een batterijcontainer geregeld.'],
  stikstof: ['Natuurvergunning verleend na extern salderen.', 'Emissiearm materieel ingezet; geen vergunning meer nodig.'],
  water_en_bodem: ['Sanering afgerond en beschikking ontvangen.', 'Waterberging opgenomen in het groenplan.'],
  geluid: ['Hogere waarde vastgesteld met geluidwerende voorzieningen.', 'Bouwplan aangepast met geluidluwe gevels.'],
  financiele_haalbaarheid: ['Bijdrage uit de Woningbouwimpuls toegekend.', 'Programma herverdeeld; businesscase sluit nu.'],
  ambtelijke_capaciteit: ['Tijdelijke inhuur via de provinciale flexpool.', 'Extra projectleider aangesteld.'],
  bezwaar_en_beroep: ['Beroep ongegrond verklaard.', 'Bezwaar ingetrokken na overleg met omwonenden.'],
  grondpositie: ['Grond minnelijk verworven.', 'Samenwerkingsovereenkomst met de grondeigenaar gesloten.'],
  bereikbaarheid: ['Afspraken over de ontsluiting vastgelegd met de provincie.', 'Busverbinding toegezegd door de vervoerder.'],
  marktafzet: ['Nieuwe belegger gevonden voor de huurwoningen.', 'Voorverkoopgrens verlaagd in overleg met de bank.'],
  regelgeving: ['Parkeernorm verlaagd via een maatwerkregeling.', 'Ontheffing verleend door de gemeente.'],
  overig: ['Onderzoek afgerond zonder gevolgen voor de planning.', 'Ontheffing ontvangen.'],
};
