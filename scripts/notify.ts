/**
 * `npm run notify -- --since <commit> [--dry-run]` — emails a summary of the lessons published
 * (added to content/lessons) since a commit to a list, over SMTP (nodemailer; settings in
 * scripts/lib/notify/smtp-settings.ts). Without SMTP settings it does nothing. The edition and
 * the subject prefix come from jol.config.json ("notify").
 * Exit 0 sent, nothing to send or not configured; 1 sending failed; 2 usage error.
 */
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { loadConfig } from './lib/config/jol-config.ts';
import { contentRoot } from './lib/content-root.ts';
import { digestEmail } from './lib/notify/digest-email.ts';
import { checkedRevision, newlyPublished } from './lib/notify/new-lessons.ts';
import { SettingsError, smtpSettings } from './lib/notify/smtp-settings.ts';

enableCompileCache();

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        since: { type: 'string', default: 'HEAD~1' },
        'dry-run': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nUsage: npm run notify -- --since <commit> [--dry-run]\n`,
    );
    return 2;
  }
  const config = loadConfig();
  let since = values.since;
  if (/^0+$/.test(since)) since = 'HEAD~1';
  try {
    checkedRevision(since);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  let settings;
  try {
    settings = smtpSettings();
    const lessons = newlyPublished(process.cwd(), contentRoot(), since, config.notify.edition);
    if (lessons.length === 0) {
      process.stdout.write(
        `No new ${config.notify.edition}-edition lessons since ${since}: nothing to send\n`,
      );
      return 0;
    }
    const email = digestEmail(lessons, config.siteUrl, config.notify.subjectPrefix);
    if (values['dry-run']) {
      process.stdout.write(`Subject: ${email.subject}\n\n${email.text}\n`);
      return 0;
    }
    if (!settings) {
      process.stdout.write(
        'Email notifications are not configured (no JOL_SMTP_HOST): nothing sent\n',
      );
      return 0;
    }
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTLS,
      auth: settings.auth,
    });
    const info = await transport.sendMail({
      from: settings.from,
      to: settings.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
    process.stdout.write(
      `Sent "${email.subject}" to ${settings.to.length} address${settings.to.length === 1 ? '' : 'es'} (${info.messageId})\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(`Could not send the notification: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main();
