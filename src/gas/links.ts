// Signed links in mail: LinkRequests from the workflow become web-app URLs carrying an HMAC token; tokens are checked back.
import { decodeToken, encodeToken, type LinkClaims, type TokenFailure } from '../core/link-token';
import type { ActorRole } from '../core/sop';
import { holderFor } from '../core/workflow';
import type { Application, LinkRequest } from '../core/workflow-types';
import { knownRow } from './register';
import { webAppUrl } from './script-config';

/** The link purposes the web app serves (LinkRequest's, carried in the token's `act`). */
export type LinkPurpose = LinkRequest['purpose'];

/** A status link has no expiry of its own (it shows no personal data); ten years stands for "none". */
const STATUS_LINK_LIFETIME_MS = 10 * 365 * 24 * 3600_000;

/** Signs with the secret in the shape link-token wants (signed bytes of HMAC-SHA256). */
export function signer(secret: string): (message: string) => number[] {
  return (message: string) => Utilities.computeHmacSha256Signature(message, secret);
}

/**
 * Turns a LinkRequest into a web-app URL. The token binds the application, the status it acts in, the acting role,
 * the recipient and the version; a random nonce makes each link distinct. When the application's register row was
 * read in this execution, the token carries it as a signed hint, so opening the link reads one row, not a search.
 */
export function linkUrl(
  request: LinkRequest,
  app: Application,
  sop: Parameters<typeof holderFor>[1],
  secret: string,
  baseUrl: string,
  now: Date,
): string {
  return `${webAppUrl(baseUrl)}?t=${signToken(request, app, sop, secret, now)}`;
}

/** The signed token alone (the sidebar carries it in a hidden field instead of a URL). */
export function signToken(
  request: LinkRequest,
  app: Application,
  sop: Parameters<typeof holderFor>[1],
  secret: string,
  now: Date,
): string {
  const role: ActorRole =
    request.purpose === 'DECIDE'
      ? ((holderFor({ ...app, status: request.stage }, sop) ?? 'PEMOHON') as ActorRole)
      : 'PEMOHON';
  const claims: LinkClaims = {
    app: app.id,
    step: request.stage,
    role,
    to: request.recipient.toLowerCase(),
    ver: request.version,
    exp: request.expiresAt ? Date.parse(request.expiresAt) : now.getTime() + STATUS_LINK_LIFETIME_MS,
    nonce: Utilities.getUuid(),
    act: request.purpose,
  };
  const row = knownRow(app.id);
  if (row !== undefined) claims.row = row;
  return encodeToken(claims, signer(secret));
}

/** Checks a token's signature and expiry (the register checks the rest under the lock). */
export function readToken(
  token: string,
  secret: string,
  now: Date,
): { ok: true; claims: LinkClaims; purpose: LinkPurpose } | { ok: false; reason: TokenFailure } {
  if (!secret) return { ok: false, reason: 'BAD_SIGNATURE' };
  const decoded = decodeToken(token, signer(secret), now.getTime());
  if (!decoded.ok) return decoded;
  const purpose = decoded.claims.act;
  if (purpose !== 'DECIDE' && purpose !== 'VERIFY_EMAIL' && purpose !== 'STATUS')
    return { ok: false, reason: 'MALFORMED' };
  return { ok: true, claims: decoded.claims, purpose };
}

/** The keyed hash of a NIK (hex): the register's duplicate key, so the register never holds the NIK itself. */
export function nikKeyOf(nik: string, secret: string): string {
  return Utilities.computeHmacSha256Signature(`nik:${nik}`, secret)
    .map((byte) => ((byte + 256) % 256).toString(16).padStart(2, '0'))
    .join('');
}
