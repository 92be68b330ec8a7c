/**
 * A session's programme in the two formats conference apps read: the frab-compatible schedule XML
 * (c3voc schedule.xml.xsd) and the schedule JSON pretalx publishes (c3voc schema.json). Pure
 * functions over the public programme (ProgrammeEvent), so protected panellists can only ever
 * appear as their pseudonym: the programme read never carries their identity.
 */
import type { Lang } from "../../platform/i18n/languages.js";
import { localized, type SessionDetail } from "../sessions/sessions.service.js";
import { addDays, daysBetween, instantToZoned, zonedToInstant } from "../sessions/sessions.time.js";
import type { ProgrammeEvent } from "../side-events/programme.service.js";

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as the session's wall clock with its UTC offset: 2012-10-15T13:15:00+02:00. */
export function zonedIso(instant: Date, timeZone: string): string {
  const { date, time } = instantToZoned(instant, timeZone);
  const wall = zonedToInstant(date, time, "UTC").getTime();
  const offset = Math.round((wall - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const duration = (from: Date, to: Date) => {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60000));
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
};

/** The legacy positive integer id both formats require, stable for an event's UUID. */
export const legacyId = (uuid: string) => Number.parseInt(uuid.replace(/-/g, "").slice(0, 7), 16) + 1;

/** acronym: the JSON schema allows [a-z0-9_-][a-z0-9_]{3,}, the XSD [a-z0-9_-]{4,}. */
export const acronymOf = (slug: string) =>
  slug
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_")
    .padEnd(4, "_");

interface ExportEvent {
  id: number;
  guid: string;
  slug: string;
  url: string;
  title: string;
  abstract: string;
  type: string;
  language: string;
  track: string | null;
  room: string;
  date: string;
  start: string;
  duration: string;
  persons: Array<{ name: string; biography: string | null }>;
  organisers: string;
}

interface ExportDay {
  index: number;
  date: string;
  start: string;
  end: string;
  rooms: Map<string, ExportEvent[]>;
}

interface Shaped {
  title: string;
  acronym: string;
  start: string;
  end: string;
  daysCount: number;
  timeZone: string;
  url: string;
  baseUrl: string;
  rooms: string[];
  days: ExportDay[];
  tracks: string[];
}

/** The events with a time, grouped by the session's days and rooms (rooms in the session's order). */
function shape(session: SessionDetail, events: ProgrammeEvent[], lang: Lang, baseUrl: string): Shaped {
  const tz = session.timeZone;
  const count = daysBetween(session.startsOn, session.endsOn) + 1;
  const days: ExportDay[] = Array.from({ length: count }, (_, i) => {
    const date = addDays(session.startsOn, i);
    return {
      index: i + 1,
      date,
      start: zonedIso(zonedToInstant(date, "00:00", tz), tz),
      end: zonedIso(zonedToInstant(addDays(date, 1), "00:00", tz), tz),
      rooms: new Map(),
    };
  });
  const fallbackRoom = session.venue.name || "Venue";
  const roomNames = [...session.rooms.map((r) => r.name)];
  const tracks = new Set<string>();
  for (const e of events) {
    if (!e.startsAt || !e.endsAt) continue;
    const local = instantToZoned(e.startsAt, tz);
    const day = days.find((d) => d.date === local.date);
    if (!day) continue;
    const room = e.room ?? fallbackRoom;
    if (!roomNames.includes(room)) roomNames.push(room);
    const track = e.themes[0] ?? null;
    if (track) tracks.add(track);
    const list = day.rooms.get(room) ?? [];
    list.push({
      id: legacyId(e.id),
      guid: e.id,
      slug: `side-event-${e.id}`,
      url: `${baseUrl}/sessions/${session.slug}/programme/${e.id}`,
      title: localized(e.title, lang),
      abstract: localized(e.abstract, lang),
      type: e.format,
      language: e.languages.join(","),
      track,
      room,
      date: zonedIso(e.startsAt, tz),
      start: local.time,
      duration: duration(e.startsAt, e.endsAt),
      persons: e.panellists.map((p) => ({
        // a protected panellist (and one who did not consent) carries no name here: pseudonym or role
        name: p.name ?? p.pseudonym ?? p.role,
        biography: p.name ? p.bio : null,
      })),
      organisers: e.organisers.map((o) => o.name).join(", "),
    });
    day.rooms.set(room, list);
  }
  for (const day of days) {
    const ordered = new Map<string, ExportEvent[]>();
    for (const name of roomNames) {
      const list = day.rooms.get(name);
      if (list)
        ordered.set(
          name,
          list.sort((a, b) => a.date.localeCompare(b.date)),
        );
    }
    day.rooms = ordered;
  }
  return {
    title: localized(session.name, lang),
    acronym: acronymOf(session.slug),
    start: session.startsOn,
    end: session.endsOn,
    daysCount: count,
    timeZone: tz,
    url: `${baseUrl}/sessions/${session.slug}/programme`,
    baseUrl: `${baseUrl}/`,
    rooms: roomNames,
    days,
    tracks: [...tracks].sort(),
  };
}

const GENERATOR = { name: "Convene", version: "0.1.0" };

/** The pretalx-style schedule JSON (c3voc schema.json). */
export function scheduleJson(session: SessionDetail, events: ProgrammeEvent[], lang: Lang, baseUrl: string) {
  const s = shape(session, events, lang, baseUrl);
  const room = new Map(session.rooms.map((r) => [r.name, r]));
  return {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { ...GENERATOR, url: `${baseUrl}/` },
    schedule: {
      version: "1",
      base_url: s.baseUrl,
      conference: {
        acronym: s.acronym,
        title: s.title,
        start: s.start,
        end: s.end,
        daysCount: s.daysCount,
        timeslot_duration: "00:15",
        time_zone_name: s.timeZone,
        url: s.url,
        tracks: s.tracks.map((name) => ({ name })),
        rooms: s.rooms.map((name) => ({
          name,
          guid: room.get(name)?.id ?? session.id,
          capacity: room.get(name)?.capacity ?? null,
        })),
        days: s.days.map((d) => ({
          index: d.index - 1,
          date: d.date,
          day_start: d.start,
          day_end: d.end,
          rooms: Object.fromEntries(
            [...d.rooms].map(([name, list]) => [
              name,
              list.map((e) => ({
                id: e.id,
                guid: e.guid,
                date: e.date,
                start: e.start,
                duration: e.duration,
                room: e.room,
                slug: e.slug,
                url: e.url,
                title: e.title,
                subtitle: null,
                track: e.track,
                type: e.type,
                language: e.language,
                abstract: e.abstract,
                description: e.organisers,
                persons: e.persons,
                links: [],
              })),
            ]),
          ),
        })),
      },
    },
  };
}

const esc = (text: string) =>
  text
    // characters XML 1.0 does not allow, even escaped
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** The frab-compatible schedule XML (c3voc schedule.xml.xsd). */
export function scheduleXml(
  session: SessionDetail,
  events: ProgrammeEvent[],
  lang: Lang,
  baseUrl: string,
): string {
  const s = shape(session, events, lang, baseUrl);
  const room = new Map(session.rooms.map((r) => [r.name, r]));
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>"];
  out.push(`  <generator name="${GENERATOR.name}" version="${GENERATOR.version}"/>`);
  out.push(`  <url>${esc(`${baseUrl}/sessions/${session.slug}/schedule.xml`)}</url>`);
  out.push("  <version>1</version>");
  out.push("  <conference>");
  out.push(`    <acronym>${esc(s.acronym)}</acronym>`);
  out.push(`    <title>${esc(s.title)}</title>`);
  out.push(`    <start>${s.start}</start>`);
  out.push(`    <end>${s.end}</end>`);
  out.push(`    <days>${s.daysCount}</days>`);
  out.push("    <timeslot_duration>00:15</timeslot_duration>");
  out.push(`    <base_url>${esc(s.baseUrl)}</base_url>`);
  out.push(`    <url>${esc(s.url)}</url>`);
  out.push(`    <time_zone_name>${esc(s.timeZone)}</time_zone_name>`);
  for (const t of s.tracks) out.push(`    <track name="${esc(t)}"/>`);
  out.push("  </conference>");
  for (const d of s.days) {
    out.push(`  <day index="${d.index}" date="${d.date}" start="${d.start}" end="${d.end}">`);
    for (const [name, list] of d.rooms) {
      const guid = room.get(name)?.id;
      out.push(`    <room name="${esc(name)}"${guid ? ` guid="${guid}"` : ""}>`);
      for (const e of list) {
        out.push(`      <event id="${e.id}" guid="${e.guid}">`);
        out.push(`        <date>${e.date}</date>`);
        out.push(`        <start>${e.start}</start>`);
        out.push(`        <duration>${e.duration}</duration>`);
        out.push(`        <room>${esc(e.room)}</room>`);
        out.push(`        <title>${esc(e.title)}</title>`);
        out.push("        <subtitle></subtitle>");
        out.push(`        <track>${esc(e.track ?? "")}</track>`);
        out.push(`        <type>${esc(e.type)}</type>`);
        out.push(`        <language>${esc(e.language)}</language>`);
        out.push(`        <abstract>${esc(e.abstract)}</abstract>`);
        out.push(`        <description>${esc(e.organisers)}</description>`);
        out.push("        <persons>");
        for (const p of e.persons) out.push(`          <person>${esc(p.name)}</person>`);
        out.push("        </persons>");
        out.push("        <links></links>");
        out.push(`        <url>${esc(e.url)}</url>`);
        out.push("      </event>");
      }
      out.push("    </room>");
    }
    out.push("  </day>");
  }
  out.push("</schedule>");
  return `${out.join("\n")}\n`;
}
