/** Test fixtures of the scheduling module: a session with rooms, slots and accepted side events. */
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import type { TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";

/**
 * A session (two days, two rooms, three slots) with one organisation admitted and two accepted
 * side events: one in Room A on the first slot with a protected panellist (the name must never
 * leave), one with a public panellist who consented, in Room B.
 */
export async function buildScheduledSession(t: TestContext, options: { orgId?: string } = {}) {
  const session = await buildSession(t.db, {
    cache: t.services.cache,
    startsOn: "2099-10-12",
    endsOn: "2099-10-13",
    rooms: [
      { name: "Room A & <1>", capacity: 50, equipment: [] },
      { name: "Room B", capacity: 120, equipment: [] },
    ],
    timeSlots: [
      { date: "2099-10-12", start: "13:15", end: "14:45" },
      { date: "2099-10-13", start: "09:00", end: "10:30" },
      { date: "2099-10-13", start: "13:15", end: "14:45" },
    ],
  });
  const orgId =
    options.orgId ?? (await buildOrganisation(t.db, { focalPointId: (await buildUser(t.db)).id })).id;
  const call = await t.db
    .insertInto("side_event_calls")
    .values({
      session_id: session.id,
      deadline: new Date("2099-09-01T00:00:00Z"),
      formats: ["panel", "workshop"],
      slot_minutes: 90,
      max_proposals_per_organisation: 5,
      criteria: JSON.stringify([{ code: "relevance", label: { en: "Relevance" }, weight: 1 }]),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("observer_applications")
    .values({
      session_id: session.id,
      organisation_id: orgId,
      path: "ecosoc",
      status: "admitted",
      relevance: "r",
      submitted_at: new Date(),
    })
    .execute();
  const [roomA, roomB] = session.rooms;
  const [slot1, , slot3] = session.timeSlots;
  const event = async (title: string, roomId: string | undefined, slotId: string | undefined) =>
    (
      await t.db
        .insertInto("side_event_proposals")
        .values({
          call_id: call.id,
          session_id: session.id,
          lead_organisation_id: orgId,
          status: "accepted",
          title: JSON.stringify({ en: title, fr: `${title} (fr)` }),
          abstract: JSON.stringify({ en: `About ${title}` }),
          format: "panel",
          languages: ["en"],
          themes: ["trafficking"],
          expected_audience: 40,
          submitted_at: new Date(),
          room_id: roomId ?? null,
          time_slot_id: slotId ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const first = await event("Voices of survivors", roomA?.id, slot1?.id);
  const second = await event("Smuggling & the sea", roomB?.id, slot3?.id);
  await t.db
    .insertInto("side_event_panellists")
    .values([
      {
        proposal_id: first,
        name: "ZQXHIDDEN Name",
        gender: "male",
        role: "Survivor",
        protection: "survivor",
        pseudonym: "Speaker A",
      },
      {
        proposal_id: second,
        name: "Maria Public",
        gender: "female",
        role: "Researcher",
        consent_to_publish: true,
        consent_at: new Date(),
      },
    ])
    .execute();
  return { session, first, second };
}
