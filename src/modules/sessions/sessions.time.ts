/**
 * Wall-clock time in a session's time zone: a session happens in one place, so its slots and
 * deadlines are entered and shown as local times there, and stored as instants. Pure functions
 * over Intl (the IANA database of the runtime); no I/O.
 */

const supported = new Set(Intl.supportedValuesOf("timeZone"));
const zoneCache = new Map<string, boolean>();

/**
 * An IANA time zone the runtime knows. Intl.supportedValuesOf lists canonical names only, so a
 * valid alias (UTC, Europe/Kyiv on older ICU) is accepted when it resolves to a listed zone.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  const known = zoneCache.get(name);
  if (known !== undefined) return known;
  let ok = supported.has(name);
  if (!ok) {
    try {
      const resolved = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
      ok = supported.has(resolved) || resolved === "UTC" || name === "UTC";
    } catch {
      ok = false;
    }
  }
  zoneCache.set(name, ok);
  return ok;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Milliseconds to add to UTC to get the wall clock of timeZone at that instant. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A wall-clock time written HH:MM (24-hour). */
export function isClockTime(value: string): boolean {
  return /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/**
 * The instant at which the wall clock of timeZone shows date and time. A time in the hour skipped
 * when clocks go forward is read one hour later (03:30 for 02:30), as calendars do.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const [y = 0, mo = 1, d = 1] = date.split("-").map(Number);
  const [h = 0, mi = 0, s = 0] = time.split(":").map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  return new Date(guess - offsetAt(guess - offsetAt(guess, timeZone), timeZone));
}

/** The wall clock of timeZone at an instant: date YYYY-MM-DD and time HH:MM. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(instant.getTime(), timeZone);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A date-time as people enter it: with an offset ("2012-09-14T23:59:00Z", "…+02:00") it is that
 * instant; without ("2012-09-14T23:59", what an HTML datetime-local field sends) it is the wall
 * clock of the session's time zone.
 */
export function isDateTimeInput(value: string): boolean {
  const m = DATE_TIME.exec(value);
  return (
    !!m && isCalendarDate(m[1] ?? "") && isClockTime(m[2] ?? "") && (m[3] === undefined || Number(m[3]) < 60)
  );
}

export function parseDateTimeInput(value: string, timeZone: string): Date {
  const m = DATE_TIME.exec(value);
  if (!m) throw new Error(`Not a date-time: ${value}`);
  if (m[4]) return new Date(value);
  return zonedToInstant(m[1] ?? "", `${m[2]}:${m[3] ?? "00"}`, timeZone);
}

/** The value an HTML datetime-local field shows for an instant, in timeZone. */
export function toDateTimeLocal(instant: Date, timeZone: string): string {
  const { date, time } = instantToZoned(instant, timeZone);
  return `${date}T${time}`;
}

/** Whole calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [from, to].map((d) => Date.parse(`${d}T00:00:00Z`));
  return Math.round(((b ?? 0) - (a ?? 0)) / 86_400_000);
}

/** A YYYY-MM-DD date moved by a number of days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
