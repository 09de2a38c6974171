// Session: the active and effective user, the script time zone, the user's locale and the temporary user key.
import { createHash } from 'node:crypto';
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';

/** A User object around an address ('' when Google withholds it). Ref: https://developers.google.com/apps-script/reference/base/user */
function createUser(ctx: RuntimeContext, email: string): GoogleAppsScript.Base.User {
  return counted(ctx, 'Session', 'User', {
    getEmail() {
      return email;
    },
    getUserLoginId() {
      return email;
    },
    toString() {
      return email;
    },
  }) as unknown as GoogleAppsScript.Base.User;
}

/** The key rotates every 30 days. Open: the rotation boundary is not documented; 30-day epochs from 1970 are used. */
const KEY_ROTATION_MS = 30 * 24 * 3600 * 1000;

/**
 * Session. Ref: https://developers.google.com/apps-script/reference/base/session ; docs/reference/apps-script-runtime.md §3.
 * getActiveUserLocale returns the Emulator's `locale` option ('id' by default: the users are in Indonesia).
 */
export function createSession(ctx: RuntimeContext): GoogleAppsScript.Base.Session {
  return counted(ctx, 'Session', 'Session', {
    getActiveUser() {
      return createUser(ctx, ctx.users.active);
    },
    getEffectiveUser() {
      return createUser(ctx, ctx.users.effective);
    },
    getScriptTimeZone() {
      return ctx.timeZone;
    },
    getActiveUserLocale() {
      return ctx.host.locale;
    },
    getTemporaryActiveUserKey() {
      const epoch = Math.floor(ctx.now().getTime() / KEY_ROTATION_MS);
      return createHash('sha256')
        .update(`${ctx.host.scriptId}\n${ctx.visitor}\n${epoch}`)
        .digest('base64')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 43);
    },
  }) as unknown as GoogleAppsScript.Base.Session;
}
