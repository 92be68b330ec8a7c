/**
 * The delegate's own link (no account): they replace their photo from their page (multipart) and
 * through the API, EXIF stripped; a wrong type or a file over 5 MB is refused with a stable code
 * and changes nothing; the link used, replaced or another delegate's changes no one else; once the
 * secretariat has decided only the secretariat replaces the photo, and the page shows the badge
 * (valid, or withdrawn); after the retention purge no purged kind of data is taken again.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";

function multipart(fields: Record<string, string>, file?: { bytes: Buffer; name: string; type: string }) {
  const boundary = `----convene${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

const exifPhoto = () =>
  sharp({ create: { width: 60, height: 80, channels: 3, background: "#88aacc" } })
    .jpeg()
    .withExif({ IFD0: { Artist: "SECRET-EXIF" } })
    .toBuffer();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

describe("accreditation: the delegate's own link", () => {
  let t: TestContext;
  const clock = new TestClock(new Date("2012-08-01T09:00:00Z"));
  before(async () => {
    t = await createTestApp({ clock });
  });
  after(() => t.close());

  async function admitted() {
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const focal = await buildUser(t.db);
    const org = await buildOrganisation(t.db, { focalPointId: focal.id, ecosocStatus: "special" });
    const session = await buildSession(t.db, {
      cache: t.services.cache,
      observerApplicationDeadline: "2012-09-14T23:59",
    });
    const sec = await TestClient.as(t, secretariat.id);
    const fp = await TestClient.as(t, focal.id);
    const a = await fp.post(`/api/v1/organisations/${org.slug}/sessions/${session.slug}/application`, {
      relevance: "We assist victims of trafficking.",
      agendaItemIds: [],
    });
    await sec.post(`/api/v1/applications/${a.json().id}/decision`, { decision: "admit" });
    return { session, org, sec, fp };
  }
  type World = Awaited<ReturnType<typeof admitted>>;

  /** Registers a delegate (with a photo set by the focal point) and returns them with their mailed link. */
  async function register(w: World, name: string) {
    const email = `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.org`;
    const res = await w.fp.post(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/delegates`, {
      fullName: name,
      email,
      nationality: "KE",
      gender: "female",
    });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as string;
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#333" } })
      .png()
      .toBuffer();
    const put = await w.fp.request("PUT", `/api/v1/delegates/${id}/photo`, {
      json: png,
      headers: { "content-type": "image/png" },
    });
    assert.equal(put.statusCode, 200, put.body);
    return { id, email, link: await lastLink(email) };
  }
  async function lastLink(email: string) {
    const mail = await t.db
      .selectFrom("mail_outbox")
      .select("text_body")
      .where("to_address", "=", email)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    return /\/delegate\/([\w-]+)/.exec(mail.text_body)![1]!;
  }
  const row = (id: string) =>
    t.db
      .selectFrom("delegates")
      .select(["photo_file_id", "link_token_hash", "updated_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  /** The person posts their page's photo form, as the browser does (multipart, the form's CSRF token). */
  async function postPhoto(link: string, file?: { bytes: Buffer; name: string; type: string }, lang = "en") {
    const anon = TestClient.anonymous(t);
    await anon.page(`/delegate/${link}`); // the CSRF cookie
    const m = multipart({ _csrf: anon.csrfToken ?? "" }, file);
    return anon.request("POST", `/delegate/${link}/photo`, {
      headers: { "content-type": m.type, accept: "text/html", "accept-language": lang },
      json: m.body,
      csrf: false,
    });
  }
  const putPhoto = (link: string, bytes: Buffer, type = "image/jpeg") =>
    TestClient.anonymous(t).request("PUT", `/api/v1/delegate/${link}/photo`, {
      json: bytes,
      headers: { "content-type": type },
    });

  test("page: the delegate replaces their photo (EXIF stripped, audited, link replaced); another delegate is untouched", async () => {
    const w = await admitted();
    const ana = await register(w, "Ana");
    const ben = await register(w, "Ben");
    const benBefore = await row(ben.id);
    const anaBefore = await row(ana.id);

    const page = await TestClient.anonymous(t).page(`/delegate/${ana.link}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="photo-form"/);
    assert.match(page.body, new RegExp(`src="/delegate/${ana.link}/photo"`));
    assert.equal(page.headers["referrer-policy"], "no-referrer", "the link is not sent on as a referrer");
    assert.match(String(page.headers["cache-control"]), /no-store/);

    const up = await postPhoto(ana.link, { bytes: await exifPhoto(), name: "me.jpg", type: "image/jpeg" });
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
    const next = /^\/delegate\/([\w-]+)\?notice=photo$/.exec(String(up.headers.location))?.[1];
    assert.ok(next && next !== ana.link, "a new link replaces the one used");
    const shown = await TestClient.anonymous(t).page(`/delegate/${next}?notice=photo`);
    assert.match(shown.body, /Your new photo is saved/);

    const photo = await TestClient.anonymous(t).get(`/delegate/${next}/photo`);
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers["content-type"], "image/jpeg");
    assert.ok(!photo.rawPayload.includes("SECRET-EXIF"));
    const meta = await sharp(photo.rawPayload).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.width, 60);
    const anaAfter = await row(ana.id);
    assert.notEqual(anaAfter.photo_file_id, anaBefore.photo_file_id);
    const oldFile = await t.db
      .selectFrom("accreditation_files")
      .select("id")
      .where("id", "=", anaBefore.photo_file_id!)
      .executeTakeFirst();
    assert.equal(oldFile, undefined, "the replaced photo is deleted");
    // the focal point sees the same photo
    assert.ok((await w.fp.get(`/api/v1/delegates/${ana.id}/photo`)).rawPayload.equals(photo.rawPayload));

    // the used link is refused everywhere; Ben (another delegate) is untouched
    assert.equal((await TestClient.anonymous(t).page(`/delegate/${ana.link}`)).statusCode, 404);
    const again = await putPhoto(ana.link, await exifPhoto());
    assert.equal(again.statusCode, 404);
    assert.equal(again.json().code, "DELEGATE_LINK_INVALID");
    const gone = await TestClient.anonymous(t).get(`/delegate/${ana.link}/photo`);
    assert.equal(gone.statusCode, 404);
    assert.equal(gone.headers["referrer-policy"], "no-referrer", "errors too");
    assert.deepEqual(await row(ben.id), benBefore);

    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "before", "after", "actor_id"])
      .where("object_id", "=", ana.id)
      .where("action", "=", "delegate.photo_set_by_delegate")
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_id, null);
    assert.deepEqual(audit[0]!.after, { hasPhoto: true });
  });

  test("API: PUT /api/v1/delegate/{token}/photo; wrong type and too big refused with stable codes, nothing changed", async () => {
    const w = await admitted();
    const d = await register(w, "Chloe");
    const before = await row(d.id);
    const refusals: Array<[Buffer, string, number, string]> = [
      [PDF, "image/jpeg", 415, "PHOTO_TYPE_UNSUPPORTED"], // the content decides, not the declared type
      [PDF, "application/pdf", 415, "PHOTO_TYPE_UNSUPPORTED"],
      [Buffer.from("GIF89a\x01\x00\x01\x00"), "image/png", 415, "PHOTO_TYPE_UNSUPPORTED"],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), "image/jpeg", 400, "PHOTO_INVALID"],
      [Buffer.alloc(5 * 1024 * 1024 + 1, 0xff), "image/jpeg", 413, "PHOTO_TOO_LARGE"],
    ];
    for (const [bytes, type, status, code] of refusals) {
      const res = await putPhoto(d.link, bytes, type);
      assert.equal(res.statusCode, status, `${code}: ${res.body}`);
      assert.match(String(res.headers["content-type"]), /application\/problem\+json/);
      assert.equal(res.json().code, code);
    }
    assert.deepEqual(await row(d.id), before, "nothing changed, the link still works");

    const ok = await putPhoto(d.link, await exifPhoto());
    assert.equal(ok.statusCode, 200, ok.body);
    const body = ok.json();
    assert.equal(body.delegate.id, d.id);
    assert.equal(body.delegate.hasPhoto, true);
    assert.equal(body.delegate.idDocumentNumber, undefined, "no ID number in the answer");
    assert.notEqual(body.token, d.link);
    const photo = await TestClient.anonymous(t).get(`/delegate/${body.token}/photo`);
    assert.ok(!photo.rawPayload.includes("SECRET-EXIF"));
    assert.equal((await putPhoto(d.link, await exifPhoto())).statusCode, 404, "the link used is refused");
  });

  test("page: a wrong type or a file over 5 MB is refused in the person's language; nothing changed", async () => {
    const w = await admitted();
    const d = await register(w, "Dara");
    const before = await row(d.id);
    const pdf = await postPhoto(d.link, { bytes: PDF, name: "photo.jpg", type: "image/jpeg" }, "fr");
    assert.equal(pdf.statusCode, 400);
    assert.match(
      pdf.body,
      /Ce fichier n&#39;est pas une image JPEG, PNG ou WebP|Ce fichier n'est pas une image JPEG, PNG ou WebP/,
    );
    assert.match(pdf.body, /id="photo-error"/);
    const big = await postPhoto(
      d.link,
      { bytes: Buffer.alloc(5 * 1024 * 1024 + 10, 0xff), name: "big.jpg", type: "image/jpeg" },
      "es",
    );
    assert.equal(big.statusCode, 400);
    assert.match(big.body, /La foto supera los 5 MB/);
    const none = await postPhoto(d.link, undefined, "ar");
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /اختر صورة لتحميلها/);
    assert.deepEqual(await row(d.id), before);
    assert.equal((await TestClient.anonymous(t).page(`/delegate/${d.link}`)).statusCode, 200);
  });

  test("once decided only the secretariat replaces the photo; the page shows the badge, then that it was withdrawn", async () => {
    const w = await admitted();
    const d = await register(w, "Emil");
    const rejected = await register(w, "Fatou");
    const preApproval = d.link;
    await w.sec.post(`/api/v1/delegates/${d.id}/decision`, { decision: "approve" });
    await w.sec.post(`/api/v1/delegates/${rejected.id}/decision`, { decision: "reject" });
    const link = await lastLink(d.email);
    assert.notEqual(link, preApproval);
    assert.equal((await putPhoto(preApproval, await exifPhoto())).statusCode, 404, "the pre-approval link");

    const before = await row(d.id);
    const api = await putPhoto(link, await exifPhoto());
    assert.equal(api.statusCode, 409);
    assert.equal(api.json().code, "DELEGATE_DECIDED");
    const page = await postPhoto(link, { bytes: await exifPhoto(), name: "me.jpg", type: "image/jpeg" });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /only the secretariat can change it now/);
    assert.deepEqual(await row(d.id), before);
    const refused = await putPhoto(rejected.link, await exifPhoto());
    assert.equal(refused.json().code, "DELEGATE_DECIDED", "a rejected delegate too");

    const own = await TestClient.anonymous(t).page(`/delegate/${link}`);
    assert.doesNotMatch(own.body, /id="photo-form"/);
    assert.match(own.body, /only the secretariat can replace your photo now/);
    assert.match(own.body, /Badge [A-Z0-9-]+, issued on/);
    assert.match(own.body, new RegExp(`href="/delegate/${link}/badge.pdf"`));

    // the secretariat replaces it: the page says what happens to the badge already printed
    const m = multipart(
      { _csrf: w.sec.csrfToken ?? "" },
      { bytes: await exifPhoto(), name: "a.jpg", type: "image/jpeg" },
    );
    const bySec = await w.sec.request("POST", `/delegates/${d.id}/photo`, {
      headers: { "content-type": m.type, accept: "text/html" },
      json: m.body,
      csrf: false,
    });
    assert.equal(bySec.statusCode, 303, bySec.body.slice(0, 300));
    assert.equal(bySec.headers.location, `/delegates/${d.id}?notice=photoBadge`);
    assert.match(
      (await w.sec.page(String(bySec.headers.location))).body,
      /a badge already printed keeps the old one/,
    );

    const badge = await t.db
      .selectFrom("badges")
      .select("id")
      .where("delegate_id", "=", d.id)
      .executeTakeFirstOrThrow();
    await w.sec.post(`/api/v1/badges/${badge.id}/revoke`, { reason: "Reported lost" });
    const withdrawn = await TestClient.anonymous(t).page(`/delegate/${link}`);
    assert.match(withdrawn.body, /Your badge has been withdrawn/);
    assert.doesNotMatch(withdrawn.body, /badge\.pdf/);
    assert.doesNotMatch(withdrawn.body, /Reported lost/, "the reason stays with the secretariat");
  });

  test("after the retention purge no photo, ID document or date of birth is taken again, from anyone", async () => {
    const w = await admitted();
    const d = await register(w, "Gita");
    await t.db
      .updateTable("delegates")
      .set({ photo_file_id: null, date_of_birth: null, personal_data_purged_at: clock.now() })
      .where("id", "=", d.id)
      .execute();
    const before = await row(d.id);
    const api = await putPhoto(d.link, await exifPhoto());
    assert.equal(api.statusCode, 409);
    assert.equal(api.json().code, "DELEGATE_DATA_PURGED");
    const own = await TestClient.anonymous(t).page(`/delegate/${d.link}`);
    assert.doesNotMatch(own.body, /id="photo-form"/);
    assert.match(own.body, /photos are no longer kept/);
    // the form no longer asks for what may not be kept
    assert.doesNotMatch(own.body, /name="dateOfBirth"|name="idDocumentNumber"/);
    assert.match(own.body, /name="fullName"/);
    const fp = await w.fp.request("PUT", `/api/v1/delegates/${d.id}/photo`, {
      json: await exifPhoto(),
      headers: { "content-type": "image/jpeg" },
    });
    assert.equal(fp.json().code, "DELEGATE_DATA_PURGED");
    const dob = await w.sec.patch(`/api/v1/delegates/${d.id}`, { dateOfBirth: "1980-01-01" });
    assert.equal(dob.json().code, "DELEGATE_DATA_PURGED");
    assert.deepEqual(await row(d.id), before);
    // what the purge left is still the person's to correct
    const form = await TestClient.anonymous(t).submit(`/delegate/${d.link}`, {
      fullName: "Gita R.",
      email: d.email,
      nationality: "KE",
      gender: "female",
      dateOfBirth: "",
      consentPublic: "yes",
    });
    assert.equal(form.statusCode, 303, form.body.slice(0, 300));
    const after = await t.db
      .selectFrom("delegates")
      .select(["full_name", "date_of_birth"])
      .where("id", "=", d.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after, { full_name: "Gita R.", date_of_birth: null });
  });
});
