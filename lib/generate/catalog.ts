/**
 * Static value catalogs: countries with their dialling plans and time zones,
 * names, mail domains, user agents. Plain data, no randomness.
 */

export interface CountryInfo {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Relative share of the user base. */
  weight: number;
  /** E.164 country calling code, without "+". */
  dialCode: string;
  /** Leading digits of mobile numbers; each is followed by 7 subscriber digits. */
  mobilePrefixes: readonly string[];
  /** Standard-time UTC offsets in hours (several for wide countries). */
  utcOffsets: readonly number[];
}

export const countries: readonly CountryInfo[] = [
  { code: "US", weight: 26, dialCode: "1", mobilePrefixes: ["212", "415", "312", "617", "206", "512", "305", "713", "404", "303"], utcOffsets: [-5, -5, -6, -7, -8, -8] },
  { code: "IN", weight: 9, dialCode: "91", mobilePrefixes: ["981", "991", "971", "961", "901", "881", "701"], utcOffsets: [5.5] },
  { code: "GB", weight: 6, dialCode: "44", mobilePrefixes: ["740", "751", "766", "779", "782", "795"], utcOffsets: [0] },
  { code: "DE", weight: 6, dialCode: "49", mobilePrefixes: ["151", "160", "170", "176", "157"], utcOffsets: [1] },
  { code: "BR", weight: 6, dialCode: "55", mobilePrefixes: ["1198", "2198", "3199", "4198", "5198", "7198"], utcOffsets: [-3] },
  { code: "FR", weight: 4, dialCode: "33", mobilePrefixes: ["61", "62", "64", "66", "67", "77", "78"], utcOffsets: [1] },
  { code: "JP", weight: 4, dialCode: "81", mobilePrefixes: ["901", "902", "803", "804", "705"], utcOffsets: [9] },
  { code: "CA", weight: 3, dialCode: "1", mobilePrefixes: ["416", "604", "514", "403", "613"], utcOffsets: [-5, -8, -7] },
  { code: "ES", weight: 3, dialCode: "34", mobilePrefixes: ["61", "62", "63", "65", "66", "69"], utcOffsets: [1] },
  { code: "IT", weight: 3, dialCode: "39", mobilePrefixes: ["320", "328", "333", "338", "347", "349"], utcOffsets: [1] },
  { code: "MX", weight: 3, dialCode: "52", mobilePrefixes: ["551", "331", "811"], utcOffsets: [-6] },
  { code: "NL", weight: 2, dialCode: "31", mobilePrefixes: ["61", "62", "63", "64", "65"], utcOffsets: [1] },
  { code: "PL", weight: 2, dialCode: "48", mobilePrefixes: ["50", "51", "53", "60", "66", "69", "72", "79"], utcOffsets: [1] },
  { code: "AU", weight: 2, dialCode: "61", mobilePrefixes: ["40", "41", "42", "43", "45"], utcOffsets: [10, 10, 8] },
  { code: "KR", weight: 2, dialCode: "82", mobilePrefixes: ["101", "102", "103", "104"], utcOffsets: [9] },
  { code: "TR", weight: 2, dialCode: "90", mobilePrefixes: ["530", "532", "533", "541", "555"], utcOffsets: [3] },
  { code: "ID", weight: 2, dialCode: "62", mobilePrefixes: ["812", "813", "821", "852", "857"], utcOffsets: [7] },
  { code: "SE", weight: 1, dialCode: "46", mobilePrefixes: ["70", "72", "73", "76", "79"], utcOffsets: [1] },
  { code: "VN", weight: 1.5, dialCode: "84", mobilePrefixes: ["90", "91", "93", "96", "97", "98"], utcOffsets: [7] },
  { code: "PH", weight: 1.5, dialCode: "63", mobilePrefixes: ["917", "918", "920", "927"], utcOffsets: [8] },
  { code: "NG", weight: 1.5, dialCode: "234", mobilePrefixes: ["803", "806", "813", "816", "903"], utcOffsets: [1] },
];

export function countryIndex(code: string): number {
  const index = countries.findIndex((c) => c.code === code);
  if (index < 0) throw new Error(`unknown country ${code}`);
  return index;
}

export const firstNames: readonly string[] = [
  "james", "maria", "wei", "aarav", "olivia", "liam", "sofia", "noah", "emma", "lucas", "mia", "ethan",
  "ana", "hiroshi", "yuki", "fatima", "omar", "priya", "rahul", "chloe", "lea", "jonas", "lukas", "elena",
  "mateo", "valentina", "diego", "camila", "minjun", "jiwoo", "emre", "zeynep", "ahmed", "amina", "chidi",
  "ngozi", "thanh", "linh", "budi", "siti", "jose", "juan", "marco", "giulia", "pierre", "camille", "jan",
  "anna", "piotr", "kasia", "erik", "astrid", "daniel", "sarah", "michael", "laura", "david", "julia",
  "kevin", "nina", "sam", "alex", "chris", "taylor", "jordan", "ravi", "ines", "tomas", "oscar", "ivy",
];

export const lastNames: readonly string[] = [
  "smith", "garcia", "chen", "patel", "johnson", "silva", "muller", "martin", "rossi", "kim", "tanaka",
  "nguyen", "kowalski", "andersson", "dubois", "santos", "lopez", "brown", "wang", "singh", "yilmaz",
  "okafor", "sato", "schmidt", "fernandez", "williams", "jones", "miller", "davis", "wilson", "moore",
  "taylor", "thomas", "lee", "walker", "hall", "young", "king", "wright", "scott", "green", "baker",
  "adams", "nelson", "hill", "campbell", "mitchell", "roberts", "carter", "phillips", "evans", "turner",
  "torres", "parker", "collins", "edwards", "stewart", "morris", "murphy", "cook", "rogers", "morgan",
  "peterson", "cooper", "reed", "bailey", "bell", "gomez", "kelly", "howard", "ward", "cox", "diaz",
];

/** Webmail and ISP mail domains with their relative popularity. */
export const webmailDomains: readonly { domain: string; weight: number }[] = [
  { domain: "gmail.com", weight: 46 },
  { domain: "outlook.com", weight: 8 },
  { domain: "hotmail.com", weight: 7 },
  { domain: "yahoo.com", weight: 8 },
  { domain: "icloud.com", weight: 7 },
  { domain: "proton.me", weight: 2.5 },
  { domain: "gmx.de", weight: 2.5 },
  { domain: "web.de", weight: 1.5 },
  { domain: "orange.fr", weight: 1 },
  { domain: "naver.com", weight: 1.2 },
  { domain: "qq.com", weight: 1 },
  { domain: "yandex.ru", weight: 0.8 },
  { domain: "aol.com", weight: 0.8 },
  { domain: "live.com", weight: 1.5 },
  { domain: "mail.com", weight: 0.6 },
  { domain: "comcast.net", weight: 0.8 },
  { domain: "btinternet.com", weight: 0.5 },
];

/** Throwaway-mail domains of the kind device farms favour (fictional). */
export const disposableDomains: readonly string[] = ["inboxdrop.click", "tmpmailbox.top", "quickverify.icu", "mailsnap.xyz"];

/** Word pairs for corporate and catch-all domains. */
export const domainWords: readonly string[] = [
  "north", "blue", "bright", "cedar", "delta", "ember", "falcon", "granite", "harbor", "iron", "juniper",
  "keystone", "lumen", "maple", "nimbus", "orbit", "pioneer", "quartz", "river", "summit", "tidal",
  "union", "vector", "willow", "apex", "beacon", "cobalt", "drift", "echo", "forge", "atlas", "zenith",
];
export const domainSuffixes: readonly string[] = [
  "labs", "logistics", "health", "systems", "media", "analytics", "works", "capital", "partners", "retail",
  "energy", "foods", "legal", "studio", "robotics", "bank", "group", "cloud", "games", "bio",
];
export const corporateTlds: readonly string[] = ["com", "com", "com", "io", "co", "de", "co.uk", "fr", "net"];

export const desktopAgents: readonly string[] = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:134.0) Gecko/20100101 Firefox/134.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36 Edg/132.0.0.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
];

export const mobileAgents: readonly string[] = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 13; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; 23127PN0CG) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Mobile Safari/537.36",
];

export const tabletAgents: readonly string[] = [
  "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
];

export const apiClientAgents: readonly string[] = [
  "python-requests/2.32.3",
  "OpenAI/Python 1.59.7",
  "OpenAI/Python 1.61.0",
  "axios/1.7.9",
  "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
  "curl/8.5.0",
  "Go-http-client/2.0",
  "langchain-python/0.3.14",
];

/** What emulator-based device farms typically announce. */
export const emulatorAgents: readonly string[] = [
  "Dalvik/2.1.0 (Linux; U; Android 9; SM-G960N Build/PQ3A.190605.11181121)",
  "Dalvik/2.1.0 (Linux; U; Android 9; SM-N976N Build/QP1A.190711.020)",
  "Mozilla/5.0 (Linux; Android 11; sdk_gphone_x86 Build/RSR1.201013.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36",
  "okhttp/4.12.0",
];
