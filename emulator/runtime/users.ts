// Who an execution runs as: the Session rules for editor runs, triggers, simple triggers and web apps.
import type { ExecutionUsers } from '../context';

/** Consumer Google accounts share these domains without forming a Workspace domain. */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

/**
 * True when `visitor` is `owner` or belongs to the owner's Google Workspace domain: then Session may reveal the address.
 * Ref: docs/reference/apps-script-runtime.md §3 Session.getActiveUser ("same Google Workspace domain"); two gmail.com
 * accounts are not a Workspace domain.
 */
export function sameWorkspace(owner: string, visitor: string): boolean {
  if (visitor === '') return false;
  if (visitor.toLowerCase() === owner.toLowerCase()) return true;
  const domain = domainOf(owner);
  return domain !== '' && !CONSUMER_DOMAINS.has(domain) && domain === domainOf(visitor);
}

/** Editor runs, menu items and installable triggers: the account itself, with full identity. Ref: [INST][USER]. */
export function runAs(user: string): ExecutionUsers {
  return { active: user, effective: user };
}

/**
 * Simple triggers (onOpen) run as the user at the keyboard with LIMITED authority; the address is withheld unless
 * that user is the owner or in the owner's Workspace domain. Ref: [USER] "simple triggers".
 */
export function simpleTriggerUsers(owner: string, opener: string): ExecutionUsers {
  return { active: sameWorkspace(owner, opener) ? opener : '', effective: opener };
}

/**
 * Web app users by manifest executeAs. USER_DEPLOYING: effective = owner, active = visitor only when the visitor is the
 * owner or in the owner's domain. USER_ACCESSING: the visitor for both. Ref: [USER], docs/reference/apps-script-runtime.md §3.
 */
export function webAppUsers(executeAs: string, owner: string, visitor: string): ExecutionUsers {
  if (executeAs === 'USER_ACCESSING') return { active: visitor, effective: visitor };
  return { active: sameWorkspace(owner, visitor) ? visitor : '', effective: owner };
}

/**
 * Whether the web app's access setting lets `visitor` in ('' = anonymous). 'signin' means Google would send the visitor
 * to the sign-in page first. Ref: [MAN-WEB] webapp.access (MYSELF, DOMAIN, ANYONE, ANYONE_ANONYMOUS).
 */
export function webAppAccess(
  access: string,
  executeAs: string,
  owner: string,
  visitor: string,
): 'ok' | 'signin' | 'denied' {
  if (access === 'ANYONE_ANONYMOUS' && executeAs !== 'USER_ACCESSING') return 'ok';
  if (visitor === '') return 'signin';
  if (access === 'MYSELF') return visitor.toLowerCase() === owner.toLowerCase() ? 'ok' : 'denied';
  if (access === 'DOMAIN') return sameWorkspace(owner, visitor) ? 'ok' : 'denied';
  return 'ok';
}
