import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";
import { realPdf, tinyJpeg } from "./side-events.fixtures.js";

const MARK = "ZQXPHOTO";

const multipart = (fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) => {
  const b = "----convene-test";
  const head = Object.entries(fields)
    .map(([k, v]) => `--${b}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("");
  return {
    headers: { "content-type": `multipart/form-data; boundary=${b}`, accept: "text/html" },
    payload: Buffer.concat([
      Buffer.from(
        `${head}--${b}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  };
};

describe("after the event; panellists' photos", () => {
  let t: TestContext;
  const clock = new TestClock(new Date("2012-10-01T09:00:00Z"));
  before(async () => {
    t = await createTestApp({ clock });
  });
  after(() => t.close());

  async function world() {
    clock.set("2012-10-01T09:00:00Z");
    const u = {
      lead: await buildUser(t.db),
      co: await buildUser(t.db),
      reviewer: await buildUser(t.db, { roles: ["reviewer"] }),
    };
    const lead = await buildOrganisation(t.db, { focalPointId: u.lead.id });
    const co = await buildOrganisation(t.db, { focalPointId: u.co.id });
    const session = await buildSession(t.db, {
      cache: t.services.cache,
      rooms: [{ name: "M1", capacity: 80 }],
      timeSlots: [{ date: "2012-10-16", start: "13:15", end: "14:45" }],
    });
    const call = await t.db
      .insertInto("side_event_calls")
      .values({
        session_id: session.id,
        deadline: new Date("2012-09-01T00:00:00Z"),
        formats: ["panel"],
        slot_minutes: 90,
        max_proposals_per_organisation: 5,
        criteria: JSON.stringify([{ code: "relevance", label: { en: "Relevance" }, weight: 1 }]),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const p = await t.db
      .insertInto("side_event_proposals")
      .values({
        call_id: call.id,
        session_id: session.id,
        lead_organisation_id: lead.id,
        status: "accepted",
        title: JSON.stringify({ en: "Victims' voices" }),
        abstract: JSON.stringify({ en: "A" }),
        format: "panel",
        languages: ["en"],
        expected_audience: 40,
        time_slot_id: session.timeSlots[0]!.id,
        room_id: session.rooms[0]!.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("side_event_coorganisers")
      .values({ proposal_id: p.id, organisation_id: co.id, status: "confirmed" })
      .execute();
    await t.db
      .insertInto("side_event_reviewers")
      .values({ proposal_id: p.id, reviewer_id: u.reviewer.id })
      .execute();
    const panellists = await t.db
      .insertInto("side_event_panellists")
      .values([
        {
          proposal_id: p.id,
          position: 0,
          name: "Maria Open",
          gender: "female",
          role: "Moderator",
          consent_to_publish: true,
          consent_at: new Date(),
        },
        {
          proposal_id: p.id,
          position: 1,
          name: "Quiet Person",
          gender: "male",
          role: "Expert",
          consent_to_publish: false,
        },
        {
          proposal_id: p.id,
          position: 2,
          name: `Boy ${MARK}`,
          gender: "male",
          role: "Young asylum seeker",
          protection: "minor",
          minor: true,
          pseudonym: "Speaker B",
        },
      ])
      .returning("id")
      .execute();
    return {
      u,
      session,
      id: p.id,
      panellists: panellists.map((x) => x.id) as [string, string, string],
      c: {
        lead: await TestClient.as(t, u.lead.id),
        co: await TestClient.as(t, u.co.id),
        reviewer: await TestClient.as(t, u.reviewer.id),
        anon: TestClient.anonymous(t),
      },
    };
  }

  test("attendance, report and PDF materials: only after the event, checked by content, then public", async () => {
    const w = await world();
    const report = `/api/v1/side-event-proposals/${w.id}/report`;
    const body = {
      attendance: { total: 60, byGender: { female: 35, male: 20 } },
      report: { en: "A full room." },
    };
    const early = await w.c.lead.request("PUT", report, { json: body });
    assert.equal(early.json().code, "SIDE_EVENT_NOT_HELD_YET");
    const eventApi = `/api/v1/sessions/${w.session.slug}/side-events/${w.id}`;
    assert.equal((await w.c.anon.get(eventApi)).json().afterEvent, null);

    clock.set("2012-10-16T18:00:00Z");
    // sessions age with the clock: sign in again after the jump
    w.c.lead = await TestClient.as(t, w.u.lead.id);
    w.c.co = await TestClient.as(t, w.u.co.id);
    w.c.reviewer = await TestClient.as(t, w.u.reviewer.id);
    assert.equal((await w.c.reviewer.request("PUT", report, { json: body })).statusCode, 403);
    const tooMany = await w.c.lead.request("PUT", report, {
      json: { attendance: { total: 10, byGender: { female: 35 } } },
    });
    assert.equal(tooMany.statusCode, 400);
    const saved = await w.c.co.request("PUT", report, { json: body });
    assert.equal(saved.statusCode, 200, saved.body);

    // a PNG renamed report.pdf and sent as application/pdf is refused; a real PDF is taken
    const upload = (bytes: Buffer) =>
      w.c.lead.request("POST", `/api/v1/side-event-proposals/${w.id}/materials?title=Slides`, {
        json: bytes,
        headers: { "content-type": "application/pdf" },
      });
    const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(200)]);
    const fake = await upload(png);
    assert.equal(fake.statusCode, 415);
    assert.equal(fake.json().code, "SIDE_EVENT_FILE_INVALID");
    const pdf = await realPdf("Slides of the side event");
    const ok = await upload(pdf);
    assert.equal(ok.statusCode, 201, ok.body);
    // the page: a renamed file refused with the reason beside the form, a real one accepted (303)
    const form = (name: string, bytes: Buffer) => {
      const m = multipart({ title: "Report" }, { name, type: "application/pdf", bytes });
      return w.c.lead.request("POST", `/side-events/proposals/${w.id}/materials`, {
        json: m.payload,
        headers: m.headers,
      });
    };
    const refused = await form("report.pdf", Buffer.from("This is a text file, not a PDF."));
    assert.equal(refused.statusCode, 415);
    assert.match(refused.body, /role="alert"/);
    assert.equal((await form("anything.bin", pdf)).statusCode, 303);

    const event = (await w.c.anon.get(eventApi)).json();
    assert.equal(event.afterEvent.attendance.total, 60);
    assert.equal(event.afterEvent.attendance.byGender.female, 35);
    assert.equal(event.afterEvent.materials.length, 2);
    const file = await w.c.anon.get(event.afterEvent.materials[0].url);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers["content-type"], "application/pdf");
    assert.equal(file.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const page = await w.c.anon.page(`/sessions/${w.session.slug}/programme/${w.id}`);
    assert.match(page.body, /A full room\./);
    assert.match(page.body, new RegExp(event.afterEvent.materials[0].url));
  });

  test("photos: EXIF stripped; public only with consent; never a protected panellist's, except to the lead", async () => {
    const w = await world();
    const [open, quiet, minor] = w.panellists;
    const put = (pid: string) =>
      w.c.lead.request("PUT", `/api/v1/side-event-proposals/${w.id}/panellists/${pid}/photo`, {
        json: Buffer.from([]),
        headers: { "content-type": "image/jpeg" },
      });
    assert.equal((await put(open)).statusCode, 415);
    for (const pid of [open, quiet, minor]) {
      const res = await w.c.lead.request(
        "PUT",
        `/api/v1/side-event-proposals/${w.id}/panellists/${pid}/photo`,
        {
          json: await tinyJpeg(MARK),
          headers: { "content-type": "image/jpeg" },
        },
      );
      assert.equal(res.statusCode, 200, res.body);
    }
    assert.equal(
      (
        await w.c.co.request("PUT", `/api/v1/side-event-proposals/${w.id}/panellists/${open}/photo`, {
          json: await tinyJpeg(),
          headers: { "content-type": "image/jpeg" },
        })
      ).statusCode,
      403,
    );
    const files = await t.db
      .selectFrom("side_event_files")
      .select("bytes")
      .where("content_type", "=", "image/jpeg")
      .execute();
    assert.ok(files.length >= 3);
    for (const f of files) assert.ok(!f.bytes.includes(MARK), "EXIF kept");

    const pub = (await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events/${w.id}`)).json();
    const byId = new Map(
      pub.panellists.map((p: { id: string; photoUrl: string | null }) => [p.id, p.photoUrl]),
    );
    assert.equal(byId.get(open), `/api/v1/side-event-panellists/${open}/photo`);
    assert.equal(byId.get(quiet), null);
    assert.equal(byId.get(minor), null);
    assert.equal((await w.c.anon.get(`/api/v1/side-event-panellists/${open}/photo`)).statusCode, 200);
    assert.equal((await w.c.anon.get(`/api/v1/side-event-panellists/${quiet}/photo`)).statusCode, 404);
    assert.equal((await w.c.anon.get(`/api/v1/side-event-panellists/${minor}/photo`)).statusCode, 404);
    const page = await w.c.anon.page(`/sessions/${w.session.slug}/programme/${w.id}`);
    assert.match(page.body, new RegExp(`/api/v1/side-event-panellists/${open}/photo`));
    assert.ok(!page.body.includes(minor), "a protected panellist's id on the public page");

    const organiserUrl = (pid: string) => `/api/v1/side-event-proposals/${w.id}/panellists/${pid}/photo`;
    for (const client of [w.c.co, w.c.reviewer]) {
      const view = (await client.get(`/api/v1/side-event-proposals/${w.id}`)).json();
      assert.equal(view.panellists.find((p: { id: string }) => p.id === minor).photoUrl, null);
      assert.equal((await client.get(organiserUrl(minor))).statusCode, 404);
      assert.equal((await client.get(organiserUrl(quiet))).statusCode, 200);
    }
    const leadPhoto = await w.c.lead.get(organiserUrl(minor));
    assert.equal(leadPhoto.statusCode, 200);
    assert.equal(leadPhoto.headers["cache-control"], "private, no-store");
    const audited = await t.db
      .selectFrom("audit_log")
      .select(["after"])
      .where("action", "=", "panellist.identity_viewed")
      .where("object_id", "=", minor)
      .execute();
    assert.equal(audited.length, 1);
    // the page form: a text file named photo.jpg is refused
    const m = multipart({}, { name: "photo.jpg", type: "image/jpeg", bytes: Buffer.from("not an image") });
    const bad = await w.c.lead.request("POST", `/side-events/proposals/${w.id}/panellists/${open}/photo`, {
      json: m.payload,
      headers: m.headers,
    });
    assert.equal(bad.statusCode, 415); // PHOTO_TYPE_UNSUPPORTED, told by content
    assert.match(bad.body, /role="alert"/);
  });
});
