const DAY_MS = 86_400_000;
/** "YYYY-MM-DDT" per day number: a campaign's sightings fall on a few hundred days. */
const dayPrefixes = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, six times faster: the evidence of a
 * 24,000-member campaign formats ~470,000 times, which took half a second.
 * The date part comes from toISOString once per day; the time of day is
 * plain arithmetic.
 */
export function isoTime(epochMillis: number): string {
  const ms = Math.trunc(epochMillis);
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, -"00:00:00.000Z".length);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${prefix}${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}.${String(millis).padStart(3, "0")}Z`;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * isoTime with one string per instant, for the life of one search. A
 * campaign's links repeat instants: a session's start is the first sighting
 * of its address, its device and its template alike. The 24,000-member
 * campaign's evidence names 468,000 times and 105,000 distinct instants;
 * each formatting allocated a chain of partial strings, most of what
 * writing up the evidence allocated (180 of 230 MB a search).
 */
export class IsoTimes {
  private readonly written = new Map<number, string>();

  of(epochMillis: number): string {
    let text = this.written.get(epochMillis);
    if (text === undefined) {
      text = isoTime(epochMillis);
      this.written.set(epochMillis, text);
    }
    return text;
  }
}
