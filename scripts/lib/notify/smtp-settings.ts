/**
 * SMTP settings from the environment (GitHub secrets in the workflow): JOL_SMTP_HOST,
 * JOL_SMTP_PORT (default 587; 465 means TLS from the start), JOL_SMTP_USER, JOL_SMTP_PASSWORD,
 * JOL_SMTP_FROM, JOL_NOTIFY_TO (addresses separated by commas). STARTTLS is required unless
 * JOL_SMTP_REQUIRE_TLS=false (only for a relay on the same trusted network).
 */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  from: string;
  to: string[];
}

export class SettingsError extends Error {}

/** undefined when notifications are not configured (no host). */
export function smtpSettings(env: NodeJS.ProcessEnv = process.env): SmtpSettings | undefined {
  const host = env.JOL_SMTP_HOST?.trim();
  if (!host) return undefined;
  const port = env.JOL_SMTP_PORT?.trim() ? Number(env.JOL_SMTP_PORT) : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new SettingsError(`JOL_SMTP_PORT must be a port number, found "${env.JOL_SMTP_PORT}"`);
  const from = env.JOL_SMTP_FROM?.trim();
  if (!from)
    throw new SettingsError(
      'JOL_SMTP_FROM is not set (the sender address, e.g. "JOL Library <jol@example.gov.uk>")',
    );
  const to = (env.JOL_NOTIFY_TO ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (to.length === 0)
    throw new SettingsError(
      'JOL_NOTIFY_TO is not set (the list address or addresses, separated by commas)',
    );
  const user = env.JOL_SMTP_USER?.trim();
  return {
    host,
    port,
    secure: port === 465,
    requireTLS: env.JOL_SMTP_REQUIRE_TLS !== 'false',
    ...(user ? { auth: { user, pass: env.JOL_SMTP_PASSWORD ?? '' } } : {}),
    from,
    to,
  };
}
