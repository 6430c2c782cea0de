import { languageWords } from '../text/languages';
import { nationName, nationNamed, nationNames } from './countries';
import { LayerRank, type Glossary, type OrganisationEntry } from './glossary';
import type { TextMatch } from './matcher';

/**
 * Organisations known by the form of their name, where no glossary entry bears it: a class word
 * with the words that make it one body (`Judiciary Committee`, `Ministry of Agriculture and
 * Forestry`, `Berea College`, `Horry County Republican Party`). The card says what kind of body
 * it is and, where the name says it, whose (`Senate Judiciary Committee`: a committee of the
 * Senate); nothing else is guessed. A name of that form that is a variant of an entry's name
 * (`Southampton University` for the University of Southampton, `Democrat Party`) is that entry.
 */
export interface FormedName {
  /** The name as the transcript writes it, without a leading article or a possessive; or the body's name that its form tells (`Government of Egypt`). */
  readonly fullName: string;
  /** The name as the transcript writes it, where the card bears another (`the Egyptian Government`). */
  readonly written?: string;
  /** What kind of body: `Committee`, `University or college`. */
  readonly label: string;
  /** The glossary's kind, where the class is one (`university`, `party`). */
  readonly kind?: string;
  /** The body it belongs to, where its name says so (`Senate`). */
  readonly of?: string;
  /** The acronym the transcript uses for it where it also spells the name out (`GSF` beside `Green Software Foundation`). */
  readonly acronym?: string;
  /** The nation its name ends on (`Public Health Scotland`), and that nation's country code. */
  readonly nation?: string;
  readonly country?: string;
}

/** A name by its form: its card, or the glossary's senses of a variant of it (`variantIds`), which then stand as any glossary match. */
export interface FormedMatch extends TextMatch {
  readonly formed: FormedName;
  /** It holds a glossary name among the words before its class word (its owner's): it stands instead of that name. */
  readonly covers?: boolean;
  /** The names an entry may bear for it, where its form tells them (`Government of Canada` for `the Canadian Government`). */
  readonly alternatives?: readonly string[];
}

/** The names a paragraph forms: the variants the glossary knows, and every formed name (the card where no variant stands). */
export interface FormedMatches {
  readonly variants: readonly TextMatch[];
  readonly formed: readonly FormedMatch[];
}

const NONE: FormedMatches = Object.freeze({ variants: [], formed: [] });

interface NameClass {
  readonly label: string;
  readonly kind?: string;
  /** Words before the class word that make no body's name of it: `Tea Party`, `West Bank`, `Oval Office`. */
  readonly not?: ReadonlySet<string>;
  /** Words that, like GENERIC_QUALIFIERS, make no one body with this class word alone: `Police Force`, but `Singapore Police Force`. */
  readonly generic?: ReadonlySet<string>;
  /** The last word before it in another language, whose class word this one is not (`Europäischen Union`: the EU in German). */
  readonly foreign?: RegExp;
  /** The name goes on after it (`Scottish Chambers of Commerce`): the words before the class word make no body of it. */
  readonly notBeforeOf?: boolean;
}

const NOT_PARTIES = new Set(['Tea', 'Birthday', 'Christmas', 'Garden', 'Dinner', 'Pool', 'Block', 'Street', 'Launch', 'Hen', 'Stag', 'Search', 'Working', 'Donner']);
const NOT_BANKS = new Set([
  'West', 'Left', 'Right', 'South', 'North', 'East', 'River', 'Sand', 'Data', 'Blood', 'Memory', 'Seed', 'Piggy', 'Outer', 'Merchant', 'Investment',
  'Commercial', 'Savings', 'Food', 'Land', 'Development',
]);
const NOT_OFFICES = new Set(['Oval', 'Box', 'Head', 'Back', 'Front', 'Field', 'Branch', 'Main', 'Home', 'Doctor’s', "Doctor's"]);
const NOT_NEWSPAPERS = new Set([
  'Hard', 'Good', 'Bad', 'Modern', 'End', 'Old', 'Early', 'Difficult', 'Tough', 'Happy', 'Trading', 'Goal', 'Lamp', 'Sign', 'Fence', 'Parcel',
  'Voice', 'E', 'Junk', 'Fan', 'Hate', 'Chain', 'Hall', 'Baby', 'Heart', 'Blood', 'Border', 'Guard', 'Command', 'Army', 'Sentry', 'Listening',
  'Royal', 'Air',
]);
const NEWSPAPER: NameClass = { label: 'Newspaper', kind: 'media', not: NOT_NEWSPAPERS };
const NOT_ALLIANCES = new Set(['Grand', 'Western', 'Holy', 'Unholy', 'Strategic', 'Military', 'Electoral', 'Unlikely', 'Old']);
const NOT_FRONTS = new Set([
  'Home', 'Western', 'Eastern', 'Northern', 'Southern', 'Cold', 'Warm', 'Weather', 'Sea', 'Water', 'Shop', 'Store', 'Ocean', 'Beach', 'Lake', 'River',
  'Harbour', 'Harbor', 'Popular', 'United', 'Economic', 'Domestic', 'Foreign', 'Diplomatic', 'Legal', 'Political', 'Russian', 'Ukrainian',
]);
const NOT_CHAMBERS = new Set(['Judges', 'Judge’s', "Judge's", 'Judges’', "Judges'", 'Council', 'Both', 'Lower', 'Upper', 'Gas', 'Echo']);
const NOT_ORGANISATIONS = new Set([
  'Terrorist', 'Criminal', 'Umbrella', 'Parent', 'Political', 'Charitable', 'Voluntary', 'Religious', 'Trade', 'Sister', 'Member', 'Partner',
  'Nongovernmental', 'Non-Governmental', 'Non-governmental', 'International', 'Intergovernmental', 'Multilateral', 'Civil',
]);
const ORGANISATION: NameClass = { label: 'Organisation', not: NOT_ORGANISATIONS, notBeforeOf: true };
/** `Soviet Union`, a country; `Trade Union`, `Credit Union`, `Rugby Union`, `Civil Union`: a kind of body, a sport, a bond, not one body. */
const NOT_UNIONS = new Set([
  'Soviet', 'Trade', 'Labour', 'Labor', 'Credit', 'Student', 'Students', 'Customs', 'Monetary', 'Banking', 'Currency', 'Political', 'Civil',
  'Personal', 'Real', 'Free', 'Perfect', 'More', 'Holy', 'Economic', 'Rugby', 'Fiscal', 'Energy', 'Capital', 'Markets', 'Transfer', 'Sacred',
]);
const UNION: NameClass = { label: 'Union', not: NOT_UNIONS, notBeforeOf: true, foreign: /(?:isch|ische|ischen|ischer|Junge|Christlich)$/u };
/** `Crime Lab`, `Forensic Laboratory`: a kind of laboratory, not one. */
const NOT_LABORATORIES = new Set([
  'Crime', 'Forensic', 'Testing', 'Test', 'Research', 'Science', 'Computer', 'Language', 'Mobile', 'Secret', 'Drug', 'Meth', 'Home', 'School',
  'Pathology', 'Hospital', 'Biology', 'Chemistry', 'Physics', 'Innovation', 'Living', 'Police', 'Clinical', 'Medical', 'Dental', 'Photo',
]);
const LABORATORY: NameClass = { label: 'Laboratory', not: NOT_LABORATORIES, notBeforeOf: true };
/** Words that make no one force with `Force` alone (`Police Force`, `Task Force`), though a name that holds them may (`Singapore Police Force`). */
const GENERIC_FORCES = new Set([
  'Police', 'Defence', 'Defense', 'Security', 'Armed', 'Task', 'Air', 'Naval', 'Ground', 'Land', 'Labour', 'Labor', 'Work', 'Peacekeeping',
  'Coalition', 'Allied', 'Rebel', 'Opposition', 'Border', 'Strike', 'Rapid', 'Reaction', 'Response', 'Quick', 'Brute', 'Driving', 'Life', 'Tour',
  'Expeditionary', 'Occupation', 'Occupying', 'Enemy', 'Protection', 'Stabilisation', 'Stabilization', 'Intervention', 'Multinational', 'Combined',
]);

/** Class words that end a name: `Judiciary Committee`, `Berea College`, `Walter Reed Hospital`, `Concord Monitor`. */
const LAST_WORDS: Readonly<Record<string, NameClass>> = {
  Committee: { label: 'Committee' },
  Subcommittee: { label: 'Committee' },
  Commission: { label: 'Commission' },
  Council: { label: 'Council' },
  Board: { label: 'Board' },
  Authority: { label: 'Public authority' },
  Agency: { label: 'Agency' },
  Bureau: { label: 'Bureau' },
  Department: { label: 'Department' },
  Ministry: { label: 'Ministry', kind: 'ministry' },
  Cabinet: { label: 'Cabinet' },
  Office: { label: 'Office', not: NOT_OFFICES },
  Foundation: { label: 'Foundation', kind: 'foundation' },
  Institute: { label: 'Institute' },
  Society: { label: 'Society' },
  Association: { label: 'Association' },
  Corporation: { label: 'Corporation', kind: 'company' },
  Company: { label: 'Company', kind: 'company' },
  Bank: { label: 'Bank', kind: 'financial', not: NOT_BANKS },
  University: { label: 'University or college', kind: 'university' },
  College: { label: 'University or college', kind: 'university' },
  Hospital: { label: 'Hospital' },
  Clinic: { label: 'Clinic' },
  Party: { label: 'Political party', kind: 'party', not: NOT_PARTIES },
  Alliance: { label: 'Alliance', not: NOT_ALLIANCES, notBeforeOf: true },
  Front: { label: 'Front', not: NOT_FRONTS, notBeforeOf: true },
  Chambers: { label: 'Chambers', not: NOT_CHAMBERS, notBeforeOf: true },
  Organisation: ORGANISATION, Organization: ORGANISATION,
  Force: { label: 'Force', generic: GENERIC_FORCES, notBeforeOf: true },
  Union: UNION, Laboratory: LABORATORY, Laboratories: LABORATORY, Labs: LABORATORY,
  Times: NEWSPAPER, Post: NEWSPAPER, Herald: NEWSPAPER, Gazette: NEWSPAPER, Tribune: NEWSPAPER, Chronicle: NEWSPAPER, Monitor: NEWSPAPER,
  Telegraph: NEWSPAPER, Courier: NEWSPAPER, Examiner: NEWSPAPER, Inquirer: NEWSPAPER, Mail: NEWSPAPER, Dispatch: NEWSPAPER,
};

/** Class words that open a name: `Ministry of Health`, `Committee on Foreign Relations`, `University of Utah`. */
const FIRST_WORDS: Readonly<Record<string, NameClass>> = {
  Ministry: { label: 'Ministry', kind: 'ministry' },
  Department: { label: 'Department' },
  Committee: { label: 'Committee' },
  Subcommittee: { label: 'Committee' },
  Commission: { label: 'Commission' },
  Council: { label: 'Council' },
  Board: { label: 'Board' },
  Institute: { label: 'Institute' },
  Society: { label: 'Society' },
  Association: { label: 'Association' },
  Federation: { label: 'Federation' },
  University: { label: 'University or college', kind: 'university' },
  College: { label: 'University or college', kind: 'university' },
  Ministerio: { label: 'Ministry', kind: 'ministry' },
  Secretaría: { label: 'Ministry', kind: 'ministry' },
  Ministère: { label: 'Ministry', kind: 'ministry' },
  Universidad: { label: 'University or college', kind: 'university' },
  Université: { label: 'University or college', kind: 'university' },
  Centre: { label: 'Centre' },
  Center: { label: 'Centre' },
  Office: { label: 'Office' },
  Bundesministerium: { label: 'Ministry', kind: 'ministry' },
  Bundesamt: { label: 'Federal office' },
  Bundesanstalt: { label: 'Federal agency' },
  Instituto: { label: 'Institute' },
  Consejo: { label: 'Council' },
  Comisión: { label: 'Commission' },
};

/** What joins a first class word to the rest of its name, by class word's language. */
const FIRST_JOINS = "(?:of|for|on|de(?: la| los| las)?|del|du|des|de l['’]|für|der)";

/** Words a name's class word does not make one body with: `Select Committee`, `City Council`, `Royal Commission` name no one body. */
const GENERIC_QUALIFIERS = new Set([
  'Select', 'Standing', 'Joint', 'Special', 'Royal', 'High', 'Federal', 'National', 'State', 'City', 'County', 'Student', 'Executive', 'Advisory',
  'Local', 'Regional', 'District', 'Central', 'General', 'Public', 'Private', 'Parliamentary', 'Senate', 'House', 'Congressional', 'Party',
  'Government', 'Independent', 'Expert', 'Scientific', 'Technical', 'Steering', 'Organising', 'Organizing', 'Ethics', 'New', 'Old', 'Big', 'Small',
  'Other', 'Same', 'First', 'Second', 'Third', 'Full', 'Whole', 'Entire', 'Relevant', 'Appropriate', 'Sub', 'Shadow', 'Kitchen', 'War', 'Field',
  'Children’s', "Children's", 'Teaching', 'Mental', 'Military', 'Base', 'Community',
]);

/** Bodies whose committee or council a name's first word makes it: `Senate Judiciary Committee` is the Senate's. */
const OWNERS = new Set(['Senate', 'House', 'Commons', 'Lords', 'Assembly', 'Parliament', 'Congress', 'Bundestag', 'Bundesrat', 'Cabinet']);

/**
 * Words before a name that are no part of it: phrase openers (`And the Harbour Pilots
 * Association`), determiners and sentence adverbs, written capitalised at a sentence's start.
 */
export const PHRASE_OPENERS = [
  'And', 'But', 'So', 'Or', 'Then', 'If', 'When', 'Yes', 'No', 'The', 'A', 'An', 'In', 'On', 'At', 'Of', 'For', 'To', 'From', 'With', 'By', 'As',
  'La', 'Le', 'Les', 'El', 'Los', 'Las', 'Der', 'Die', 'Das', 'Und', 'Et', 'Y',
];
const OPENER_SMALL_WORDS = ['the', 'of', 'for', 'and', 'de', 'la', 'le', 'el', 'der', 'die', 'das'];
// Declared, then exported: the regular-expression audit (test/fuzz/regex.test.ts) reads a module's `const` patterns.
const LEADING_WORDS = new RegExp(`^(?:(?:${PHRASE_OPENERS.join('|')})[ \\t]+(?:(?:${OPENER_SMALL_WORDS.join('|')})[ \\t]+)*)+`, 'u');
export { LEADING_WORDS };
const MORE_OPENERS = new Set([
  'Because', 'Although', 'While', 'Since', 'After', 'Before', 'Until', 'Unless', 'Whether', 'Where', 'Why', 'How', 'What', 'Which', 'Who', 'Whose',
  'This', 'That', 'These', 'Those', 'Its', 'Our', 'Their', 'His', 'Her', 'My', 'Your', 'Every', 'Each', 'Any', 'Some', 'Many', 'Both', 'All', 'Also',
  'Even', 'Only', 'Today', 'Yesterday', 'Now', 'Well', 'Like', 'Including', 'Could', 'Would', 'Should', 'Can', 'Will', 'May', 'Might', 'Must',
  'Does', 'Did', 'Do', 'Is', 'Are', 'Was', 'Were', 'Has', 'Have', 'Had', 'Let', 'Please', 'Thank', 'Thanks', 'Dear', 'Hello', 'Hi', 'Okay',
]);
/** Function words (`Across`, `Between`): written capitalised only at a sentence's start, never a name's first word. */
const FUNCTION_WORDS = languageWords('en').cannotEnd;

/** Offices and titles: `President of the Treasury Board` names the board after them. */
const TITLES = new Set([
  'President', 'Vice', 'Chairman', 'Chairwoman', 'Chair', 'Chairperson', 'Minister', 'Secretary', 'Director', 'Member', 'Members', 'Head', 'Leader',
  'Chief', 'Speaker', 'Clerk', 'Counsel', 'Commissioner', 'Governor', 'Mayor', 'Senator', 'Judge', 'Justice', 'Dean', 'Professor', 'Provost',
  'Chancellor', 'Deputy', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Officer', 'Adviser', 'Advisor', 'Staff', 'Report', 'Inquiry', 'Commander',
]);
/** A title, hyphenated ones among them (`Vice-Chief`). */
const isTitle = (word: string) => TITLES.has(word) || (word.includes('-') && word.split('-').some((part) => TITLES.has(part)));

/** `of` and a capitalised word after a class word: the name goes on (`Scottish Chambers of Commerce`, `Popular Front for…` aside). */
const NAME_GOES_ON = /^[ \t]+of[ \t]+(?:the[ \t]+)?\p{Lu}/u;

/** What ends a name that is a law's, a report's or an event's, not the body's: `Safety Board Act`, `Readiness Board Meeting`. */
const NOT_A_BODY_AFTER = /^[ \t]+\p{Lu}/u;


/** A capitalised word: inner points only before a capital (`D.C.`), never a sentence's full stop. */
const CAP = "\\p{Lu}(?:[\\p{L}\\p{M}\\p{N}'’-]|\\.(?=\\p{Lu}))*(?:(?<=\\.\\p{Lu})\\.)?";
/** Spaces between the words of a name, a line's end among them (one way to read each run: no backtracking over spaces). */
const GAP = '(?:[ \\t]+(?:\\r?\\n[ \\t]*)?|\\r?\\n[ \\t]*)';
/** A list of capitalised words after a comma, `and` before its last: the name goes on (`National Centre for the Replacement, Refinement and Reduction…`). */
const LIST_GOES_ON = new RegExp(`^,[ \\t]+${CAP}(?:,[ \\t]+${CAP})*,?${GAP}(?:and|&|y|et|und)${GAP}\\p{Lu}`, 'u');
/**
 * A capitalised word before a class word, but for a class word that ends a name before `and`, `of`…:
 * `Armed Services Committee and the Foreign Relations Committee` are two; `Intel Corporation Investment Policy Committee`, one.
 */
const QUALIFIER = `(?!(?:${Object.keys(LAST_WORDS).join('|')})(?:${GAP}(?:and|&|of|for|the)(?![\\p{L}])|[^\\p{L}\\p{N}\\s'’]|$))${CAP}`;
/** Capitalised words, joined by the small words of names, the last of them capitalised: `Ways and Means`. */
const QUALIFIERS = `${QUALIFIER}(?:${GAP}(?:(?:and|&|of|for|the)${GAP})*${QUALIFIER}){0,6}`;
const LAST_CLASS = new RegExp(
  `(?<![\\p{L}\\p{N}])(${QUALIFIERS}${GAP})(${Object.keys(LAST_WORDS).join('|')})(?:['’]s|['’])?(?![\\p{L}\\p{N}])`,
  'gu',
);
const FIRST_CLASS = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:${QUALIFIER}${GAP}){0,4})(${Object.keys(FIRST_WORDS).join('|')})${GAP}${FIRST_JOINS}${GAP}(?:(?:the|la|el|le)${GAP})?`
  + `(${CAP}(?:${GAP}(?:(?:and|&|of|for|on|the|y|et|de|del|und|für)${GAP})*${CAP}){0,6})(?:['’]s|['’])?(?![\\p{L}\\p{N}])`,
  'gu',
);
/**
 * Nations whose public bodies and companies are named `<what they do> <nation>` (`Public Health
 * Scotland`, `Statistics Canada`, `Sport England`), with their country codes.
 */
const NATIONS: Readonly<Record<string, string>> = {
  Scotland: 'GB', Wales: 'GB', England: 'GB', 'Northern Ireland': 'GB', Ireland: 'IE', Canada: 'CA', Australia: 'AU', 'New Zealand': 'NZ',
};
/** Words before a nation's name that make a place of it, a person's or a team's, not a body's: `New South Wales`, `Team Canada`. */
const NOT_BEFORE_NATIONS = new Set([
  'New', 'North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower', 'Greater', 'Great', 'Atlantic',
  'Rural', 'Regional', 'British', 'English', 'Scottish', 'Welsh', 'Irish', 'Canadian', 'Australian', 'Mr', 'Mrs', 'Ms', 'Dr', 'Miss', 'Team', 'All',
  'Rest', 'Whole', 'Old', 'Modern', 'Mainland', 'Coastal', 'Outback', 'Lowland', 'Highland', 'Highlands', 'Remote', 'Europe', 'Britain', 'America',
  'Indigenous', 'Aboriginal', 'Native', 'Multicultural', 'Rural', 'Urban', 'Regional', 'Metropolitan', 'Contemporary', 'Colonial', 'Federal',
]);
const NATION_LAST = new RegExp(
  `(?<![\\p{L}\\p{N}])(${QUALIFIERS}${GAP})(${Object.keys(NATIONS).map((n) => n.split(' ').join(GAP)).join('|')})(?:['’]s|['’])?(?![\\p{L}\\p{N}])`,
  'gu',
);

/**
 * A nation's government or parliament, by its name (`Government of the Arab Republic of Egypt`,
 * `Parliament of Hungary`) or its adjective (`the Libyan Government`, `Hungarian Parliament`).
 */
const NATION_BODIES: Readonly<Record<string, NameClass>> = {
  Government: { label: 'National government', kind: 'government' },
  Parliament: { label: 'National parliament', kind: 'legislature' },
};
const NATION_BODY_OF = new RegExp(
  `(?<![\\p{L}\\p{N}])(${Object.keys(NATION_BODIES).join('|')})${GAP}of${GAP}((?:the${GAP})?${CAP}(?:${GAP}(?:(?:of|and|&|the)${GAP})*${CAP}){0,6})`,
  'gu',
);
const NATION_BODY_LAST = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(NATION_BODIES).join('|')})(?:['’]s|['’])?(?![\\p{L}\\p{N}])`, 'gu');
/** The capitalised words just before an offset (at most three: `Papua New Guinean`), the nearest last. */
const WORDS_BEFORE = new RegExp(`(?:${CAP}[ \\t]+){1,3}$`, 'u');

/** Spanish `Grupo` before a name of one or two words: a group of companies most often (`Grupo Modelo`, `Grupo Salinas`). */
const GROUP_FIRST = new RegExp(`(?<![\\p{L}\\p{N}])Grupo${GAP}(${CAP}(?:${GAP}${CAP})?)(?![\\p{L}\\p{N}])`, 'gu');
/** Words after `Grupo` that make a working group, a parliamentary group or a gang of it, not a named body. */
const NOT_GROUPS = new Set([
  'Parlamentario', 'Armado', 'Especial', 'Delictivo', 'Criminal', 'Técnico', 'Interinstitucional', 'Asesor', 'Consultivo', 'Coordinador', 'Operativo',
  'Regional', 'Nacional', 'Federal', 'Municipal', 'Estatal', 'Mixto', 'Plural', 'Parlamentaria', 'Beta', 'Alfa',
  // A parliamentary group by its party's adjective (`Grupo Popular`, `Grupo Socialista`, `Grupo Vasco`).
  'Popular', 'Socialista', 'Vasco', 'Catalán', 'Republicano', 'Confederal', 'Ciudadanos', 'Podemos', 'Liberal', 'Conservador', 'Verde', 'Morena',
]);

/** A name's words that end it but are no part of its body's name: `Ministry of Health Act`. */
const LAW_OR_EVENT_WORDS = new Set(['Act', 'Bill', 'Report', 'Regulations', 'Order', 'Orders', 'Meeting', 'Hearing', 'Inquiry', 'Review', 'Amendment']);

/**
 * The names by their form in a paragraph's scanned text, where no glossary match (`taken`)
 * covers any of their words; with the glossary's variants of them.
 */
export function formedMatches(text: string, glossary: Glossary, taken: readonly TextMatch[]): FormedMatches {
  const found: FormedMatch[] = [];
  // `head`: where the class word starts, for a name whose qualifiers may hold a glossary name, its owner (`Intel Corporation
  // Investment Policy Committee`, `NHS Modernisation Agency`): a body of that organisation, not the organisation.
  const add = (start: number, end: number, cls: NameClass, owner: string | undefined, nation?: string, head?: number, country?: string,
    alternatives?: readonly string[], title?: string) => {
    const asWritten = text.slice(start, end).replace(/['’]s?$/u, '').replace(/\s+/gu, ' ');
    const fullName = title ?? asWritten;
    const overlapping = taken.filter((m) => m.start < end && start < m.end);
    // A glossary name before `and` is a body of its own, not the owner of the name after it (`Microsoft and Deus Labs`).
    const joined = overlapping.some((m) => /^[ \t]+(?:and|&)[ \t]/u.test(text.slice(m.end, m.end + 6)));
    const covers = !joined && head !== undefined && overlapping.length > 0 && overlapping.every((m) => m.start >= start && m.end <= head);
    // A nation's body may hold a generic name (`Parliament`): where that name has no card of its own, the body's stands.
    const nests = !!alternatives && overlapping.every((m) => m.start >= start && m.end <= end && (m.start > start || m.end < end));
    if ((overlapping.length && !covers && !nests) || found.some((m) => m.start < end && start < m.end)) return;
    const parent = covers && !owner ? text.slice(overlapping[0].start, overlapping[0].end).replace(/['’]s?$/u, '') : owner;
    const formed: FormedName = {
      fullName, ...(asWritten !== fullName ? { written: asWritten } : {}), label: cls.label, ...(cls.kind ? { kind: cls.kind } : {}),
      ...(parent ? { of: parent } : {}),
      ...(nation ? { nation, country: country ?? NATIONS[nation] } : {}),
    };
    found.push({
      start, end, form: fullName, ids: [`formed:${fullName}`], acronym: false, formed, ...(covers ? { covers } : {}), ...(alternatives ? { alternatives } : {}),
    });
  };
  FIRST_CLASS.lastIndex = 0;
  for (let m = FIRST_CLASS.exec(text); m; m = FIRST_CLASS.exec(text)) {
    // A venue (`Center for the Performing Arts`), the UN's Security Council in Spanish (`Consejo de Seguridad`): no body of that form.
    if ((m[2] === 'Centre' || m[2] === 'Center') && /\bArts$/u.test(m[3]) || m[2] === 'Consejo' && m[3] === 'Seguridad') continue;
    // `Office of the President`, `Office of the Prime Minister`: an office-holder's office, which each country has (the generic names).
    if (m[2] === 'Office' && /^(?:Prime|Vice|Deputy|First)\b/u.test(m[3]) || m[2] === 'Office' && TITLES.has(m[3].split(/\s+/u)[0])) continue;
    const rest = nameBeforeTitle(m[3]);
    // `Board of the Institute for International Policy Studies`: the institute is the body named; read on from it.
    if (FIRST_WORDS[rest.split(/\s+/)[0]]) {
      FIRST_CLASS.lastIndex = m.index + m[0].lastIndexOf(m[3]);
      continue;
    }
    const end = m.index + m[0].lastIndexOf(m[3]) + rest.length;
    if (!rest || LAW_OR_EVENT_WORDS.has(rest.split(/\s+/).at(-1)!) || (rest === m[3] && NOT_A_BODY_AFTER.test(text.slice(end)))) continue;
    // A name cut at a comma of its own words is no name: it runs to its real end or is not formed.
    if (LIST_GOES_ON.test(text.slice(end, end + 200))) continue;
    const own = ownWords(m[1]);
    add(own.length ? m.index + m[1].trimEnd().length - own.length : m.index + m[1].length, end, FIRST_WORDS[m[2]], own.owner);
  }
  for (const m of text.matchAll(LAST_CLASS)) {
    const cls = LAST_WORDS[m[2]];
    const end = m.index + m[0].length;
    if (NOT_A_BODY_AFTER.test(text.slice(end, end + 3))) continue;
    const own = ownWords(m[1]);
    const qualifiers = own.words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.replace(/['’]s$/u, ''));
    if (qualifiers.every((w) => GENERIC_QUALIFIERS.has(w) || cls.generic?.has(w))) continue;
    if (cls.not?.has(qualifiers[qualifiers.length - 1]) || cls.foreign?.test(qualifiers[qualifiers.length - 1] ?? '')) continue;
    if (cls.notBeforeOf && NAME_GOES_ON.test(text.slice(end, end + 8))) continue;
    add(m.index + m[1].trimEnd().length - own.length, end, cls, own.owner, undefined, cls.kind === 'party' ? undefined : m.index + m[1].length);
  }
  for (const m of text.matchAll(NATION_LAST)) {
    const end = m.index + m[0].length;
    if (NOT_A_BODY_AFTER.test(text.slice(end, end + 3))) continue;
    const own = ownWords(m[1]);
    const qualifiers = own.words.filter((w) => /^\p{Lu}/u.test(w));
    if (!qualifiers.length || qualifiers.some((w) => NOT_BEFORE_NATIONS.has(w) || NATIONS[w] || OWNERS.has(w))) continue;
    const nation = m[2].replace(/\s+/gu, ' ');
    add(m.index + m[1].trimEnd().length - own.length, end, { label: 'Organisation' }, undefined, nation, m.index + m[1].length);
  }
  for (const m of text.matchAll(GROUP_FIRST)) {
    const end = m.index + m[0].length;
    if (NOT_GROUPS.has(m[1].split(/\s+/u)[0]) || NOT_A_BODY_AFTER.test(text.slice(end, end + 3))) continue;
    add(m.index, end, { label: 'Group' }, undefined);
  }
  for (const m of text.matchAll(NATION_BODY_OF)) {
    // The longest run of its first words that names a nation: `Government of Canada Department of Health` is Canada's.
    const words = [...m[2].matchAll(/\S+/gu)];
    for (let k = words.length; k > 0; k--) {
      const country = /^\p{Lu}/u.test(words[k - 1][0]) ? nationNamed(words.slice(0, k).map((w) => w[0]).join(' ')) : undefined;
      if (!country) continue;
      const end = m.index + m[0].length - m[2].length + words[k - 1].index + words[k - 1][0].length;
      if (NOT_A_BODY_AFTER.test(text.slice(end, end + 3))) break;
      add(m.index, end, NATION_BODIES[m[1]], undefined, nationName(country), undefined, country, nationBodyNames(m[1], country),
        nationBodyTitle(m[1], country));
      break;
    }
  }
  for (const m of text.matchAll(NATION_BODY_LAST)) {
    const before = WORDS_BEFORE.exec(text.slice(Math.max(0, m.index - 60), m.index))?.[0].trimEnd().split(/[ \t]+/u) ?? [];
    const end = m.index + m[0].length;
    if (NOT_A_BODY_AFTER.test(text.slice(end, end + 3))) continue;
    for (let k = Math.min(3, before.length); k > 0; k--) {
      const words = before.slice(before.length - k).join(' ');
      const country = nationNamed(words);
      if (!country) continue;
      const start = text.lastIndexOf(before[before.length - k], m.index);
      add(start, end, NATION_BODIES[m[1]], undefined, nationName(country), undefined, country, nationBodyNames(m[1], country),
        nationBodyTitle(m[1], country));
      break;
    }
  }
  if (!found.length) return NONE;
  found.sort((a, b) => a.start - b.start);
  const variants: TextMatch[] = [];
  for (const m of found) {
    const variant = (m.alternatives ?? variantsOf(m.formed.fullName)).find((v) => glossary.matcher.forms.get(v)?.length);
    if (variant) variants.push({ start: m.start, end: m.end, form: variant, ids: glossary.matcher.forms.get(variant)!, acronym: false });
  }
  return { variants, formed: found };
}

/** A name's words before a title in them (`University of Maryland and Director of the Centre`), and the small words before it. */
function nameBeforeTitle(words: string): string {
  const title = [...words.matchAll(/\p{Lu}[\p{L}'’-]*/gu)].find((w) => w.index > 0 && TITLES.has(w[0]));
  if (!title) return words;
  let head = words.slice(0, title.index).trimEnd();
  const lastSpace = (text: string) => Math.max(text.lastIndexOf(' '), text.lastIndexOf('\t'), text.lastIndexOf('\n'));
  for (let space = lastSpace(head); space >= 0 && SMALL_WORDS.has(head.slice(space + 1)); space = lastSpace(head)) head = head.slice(0, space).trimEnd();
  return head;
}

/**
 * The words before a class word that belong to its name (`before` ends with spaces): those after
 * the last title (`President of the`) or opener (`Because the`); the first of them is its owner
 * if it is a legislature's (`Senate`). `length` is theirs in `before`, spaces between them included.
 */
/** A word that ends a body's name, or an acronym: what `and` after it does not join to the words after. */
const ENDS_A_NAME = new RegExp(
  `^(?:${[...Object.keys(LAST_WORDS), 'Executive', 'Service', 'Services', 'Trust', 'Group', 'Network'].join('|')})$|^\\p{Lu}{2,}$`, 'u',
);

function ownWords(before: string): { words: string[]; length: number; owner?: string } {
  const written = before.trimEnd();
  const words = written.split(/[\s,]+/).filter(Boolean);
  let from = 0;
  words.forEach((word, i) => {
    const bare = word.replace(/['’]s$/u, '');
    // A function word ends what came before (`Alex Gladstein of the…`), but `and` between the words of one name joins them
    // (`Conciliation and Arbitration Commission`): not before `the`, nor after a body's last word or an acronym (`Health Service Executive and…`).
    const joins = (bare === 'and' || bare === '&') && i > 0 && words[i + 1] !== 'the' && !ENDS_A_NAME.test(words[i - 1]);
    const opens = FUNCTION_WORDS.has(bare.toLowerCase()) && !joins;
    if (isTitle(bare) || MORE_OPENERS.has(bare) || PHRASE_OPENERS.includes(bare) || opens) from = i + 1;
  });
  // The small words that joined a title or an opener to the name (`of the`) are no part of it.
  while (from < words.length && /^\p{Ll}/u.test(words[from])) from++;
  const own = words.slice(from);
  if (!own.length) return { words: [], length: 0 };
  let at = written.length;
  for (let k = 0; k < own.length; k++) {
    at = written.lastIndexOf(own[own.length - 1 - k], at - 1);
  }
  return { words: own, length: written.length - at, ...(OWNERS.has(own[0]) ? { owner: own[0] } : {}) };
}

/** A place's name of one or two capitalised words, as a university's name holds it. */
const PLACE = "(\\p{Lu}[\\p{L}\\p{M}'’.-]*(?: \\p{Lu}[\\p{L}\\p{M}'’.-]*)?)";
const UNIVERSITY_OF = new RegExp(`^(?:University of|Universidad de|Université de) ${PLACE}$`, 'u');
const PLACE_UNIVERSITY = new RegExp(`^${PLACE} University$`, 'u');

/**
 * The names a glossary entry may bear for a name by its form: `Southampton University` →
 * `University of Southampton` and back; the same in English for `Universidad de Stanford`,
 * `Université de Montréal`; `Institute of Strategic Studies` → `Institute for Strategic Studies`
 * and back (speech mixes the two); `Democrat Party` → `Democratic Party` (the adjective American
 * speech gives that party, and only that one).
 */
function variantsOf(name: string): string[] {
  const variants: string[] = [name];
  const universityOf = UNIVERSITY_OF.exec(name);
  if (universityOf) variants.push(`${universityOf[1]} University`, `University of ${universityOf[1]}`);
  const placeUniversity = PLACE_UNIVERSITY.exec(name);
  if (placeUniversity) variants.push(`University of ${placeUniversity[1]}`);
  const join = / (of|for) /.exec(name);
  if (join && /^(?:\p{Lu}\p{Ll}+ )*(?:Institute|Society|Association|Council|Commission|Committee|Foundation)$/u.test(name.slice(0, join.index))) {
    variants.push(`${name.slice(0, join.index)} ${join[1] === 'of' ? 'for' : 'of'} ${name.slice(join.index + join[0].length)}`);
  }
  if (name === 'Democrat Party') variants.push('Democratic Party');
  return variants;
}

/** A name by its form as a glossary entry, for its card and the organisations a transcript names: its kind, and whose, but no other fact. */
export function formedEntry(name: FormedName): OrganisationEntry {
  const owner = name.of ? ` of the ${name.of}` : name.nation ? ` of ${name.nation}` : '';
  return {
    id: `formed:${name.fullName}`,
    acronyms: name.acronym ? [name.acronym] : [],
    names: [name.fullName, ...(name.written ? [name.written] : [])],
    fullName: name.fullName,
    ...(name.kind ? { kind: name.kind } : {}),
    ...(name.country ? { country: name.country } : {}),
    description: `${name.label}${owner}: known here by the form of its name; the glossary has no entry for it.`,
    origin: { kind: 'builtin' },
    rank: LayerRank.Builtin,
    order: -1,
  };
}

/**
 * The US federal courts of appeals by their short names (`Ninth Circuit`, `D.C. Circuit`,
 * `Federal Circuit`): no other country's courts bear them, so they need no country named.
 */
const US_CIRCUIT = /^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|D\.C\.|Federal) Circuit$/;

/** The names a glossary entry may bear for a nation's government or parliament: `Government of Canada`, `Canadian Government`, `Parliament of India`. */
function nationBodyNames(body: string, country: string): string[] {
  return nationNames(country).flatMap((name) => [
    `${body} of ${name}`, `${body} of the ${name}`, `${name} ${body}`, ...(body === 'Government' ? [`Federal Government of ${name}`] : []),
  ]);
}

/**
 * The name a nation's government or parliament bears on its card, however the transcript writes it (`the Egyptian Government`,
 * `Government of the Arab Republic of Egypt`): one card for one body. `the` before a plural name or a union's (`the Netherlands`).
 */
function nationBodyTitle(body: string, country: string): string {
  const name = nationName(country);
  return `${body} of ${/^United |s$|Republic$/u.test(name) ? 'the ' : ''}${name}`;
}

/** The country whose government or parliament a name is by its form (`Government of Canada`, `Indian Parliament`), if it is one. */
function nationOfBody(form: string): string | undefined {
  const of = /^(?:Government|Parliament) of (.+)$/u.exec(form);
  if (of) return nationNamed(of[1]);
  const last = /^(.+) (?:Government|Parliament)$/u.exec(form);
  return last ? nationNamed(last[1]) : undefined;
}

/** Whether a form says by itself the country of a national body that bears it. */
export function formSaysItsCountry(form: string, country: string | undefined): boolean {
  return country === 'US' && US_CIRCUIT.test(form);
}

/**
 * Whether a form names the nation whose government or parliament an entry is (`Canadian Government` for the Government of
 * Canada): the entry stands without the transcript naming that country elsewhere, but counts for no transcript's country.
 */
export function formNamesItsNation(form: string, country: string | undefined): boolean {
  return !!country && nationOfBody(form) === country;
}

/** Words a name's acronym may leave out: `Bereaved Families for Justice` is BFJ or BFFJ. */
const SMALL_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', 'at', '&', 'de', 'du', 'des', 'la', 'del', 'y', 'et', 'und', 'für']);

/**
 * The acronyms a name may be spelt as: the initials of its capitalised words (`Green Software
 * Foundation` → GSF), and of all its words where small ones stand in it (`BFFJ`); three letters
 * at least, none for a name of fewer than three words.
 */
export function acronymsOf(name: string): string[] {
  const words = name.split(/[\s-]+/u).filter((w) => /^[\p{L}&]/u.test(w));
  if (words.length < 3) return [];
  const initial = (w: string) => w[0].toUpperCase();
  const strict = words.filter((w) => !SMALL_WORDS.has(w)).map(initial).join('');
  const all = words.filter((w) => w !== '&').map(initial).join('');
  return [...new Set([strict, all])].filter((a) => a.length >= 3 && /^\p{Lu}+$/u.test(a));
}
