/**
 * Response bodies built once and sent many times (cached public pages and API answers): kept as
 * bytes with a weak ETag, and for large bodies also compressed once (Brotli and gzip) so that a
 * client that accepts an encoding gets it without the server compressing again. A string would be
 * measured and encoded at every response; compressing at every response would cost more than
 * building the body. A request whose If-None-Match names the ETag gets 304.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { Negotiator } from "@fastify/accept-negotiator";
import type { FastifyReply, FastifyRequest } from "fastify";

export interface CachedBody {
  body: Buffer;
  etag: string;
  /** The body compressed once, when it is large enough to gain from it. */
  encoded?: { br: Buffer; gzip: Buffer };
}

/** Below this, compressing saves less than a packet. */
const COMPRESS_FROM_BYTES = 1_400;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const encodings = new Negotiator({ supportedValues: ["br", "gzip"], cache: new Map() });

const etagOf = (bytes: Buffer) => `W/"${createHash("sha1").update(bytes).digest("base64url")}"`;

/** The body as bytes with its ETag (no compressed copies: for small or rarely sent bodies). */
export function withEtag(text: string): CachedBody {
  const body = Buffer.from(text);
  return { body, etag: etagOf(body) };
}

/**
 * The body as bytes with its ETag and, when large, its Brotli and gzip encodings (compressed off
 * the event loop, by zlib's thread pool; quality 5 and level 6 take milliseconds, not the tenths of
 * a second the highest Brotli quality takes, for nearly the same size on JSON and HTML).
 */
export async function withEncodings(text: string): Promise<CachedBody> {
  const cached = withEtag(text);
  if (cached.body.length < COMPRESS_FROM_BYTES) return cached;
  const [br, gz] = await Promise.all([
    brotli(cached.body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: cached.body.length,
      },
    }),
    gzipped(cached.body, { level: 6 }),
  ]);
  return { ...cached, encoded: { br, gzip: gz } };
}

/**
 * Sends a cached body: its ETag, `Cache-Control: no-cache` (clients revalidate, and get 304 while
 * it is unchanged), in the encoding the client accepts when there is one. `vary` names the request
 * headers, besides Accept-Encoding, that the body depends on.
 */
export function sendCachedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  cached: CachedBody,
  contentType: string,
  vary?: string,
) {
  reply.header("etag", cached.etag).header("cache-control", "no-cache");
  if (cached.encoded || vary)
    reply.header("vary", [vary, cached.encoded && "Accept-Encoding"].filter(Boolean).join(", "));
  if (request.headers["if-none-match"] === cached.etag) return reply.code(304).send();
  reply.header("content-type", contentType);
  const accepted = cached.encoded && request.headers["accept-encoding"];
  const encoding = accepted ? encodings.negotiate(accepted) : undefined;
  if (cached.encoded && (encoding === "br" || encoding === "gzip")) {
    return reply.header("content-encoding", encoding).send(cached.encoded[encoding]);
  }
  return reply.send(cached.body);
}
