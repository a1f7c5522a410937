/**
 * `npm run notify` end to end: a real temporary Git repository, lessons added in a commit, and a
 * real SMTP server (smtp-server) on 127.0.0.1 that requires a login and records what it receives.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitFixtureRoot, gitFixtureRoot } from '../helpers/fixture-root.ts';
import { cli } from './run-cli.ts';

let fixture: GitFixtureRoot;
let server: SMTPServer;
let port: number;
let received: { from: string; to: string[]; data: string; user: string }[];
let base: string;

function lesson(title: string, classification: string, isPublic: boolean): string {
  return `---
kind: lesson-identified
title: "${title}"
summary: A summary of this lesson that is long enough to pass the length rule of the schema.
date: 2025-10-08
source: exercise
submitted_by: greater-manchester-police
submitted: 2025-11-01
criteria: [interoperability]
classification: ${classification}
public: ${isPublic}
---

## What happened

a

## Why it matters

b

## Recommendation

c
`;
}

beforeEach(async () => {
  fixture = gitFixtureRoot();
  base = fixture.base;
  received = [];
  server = new SMTPServer({
    authOptional: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === 'jol-bot' && auth.password === 'secret-password')
        cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: String(session.envelope.mailFrom && session.envelope.mailFrom.address),
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
          user: String(session.user),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fixture.cleanup();
});

const smtp = () => ({
  JOL_SMTP_HOST: '127.0.0.1',
  JOL_SMTP_PORT: String(port),
  JOL_SMTP_USER: 'jol-bot',
  JOL_SMTP_PASSWORD: 'secret-password',
  JOL_SMTP_FROM: 'JOL Library <jol@example.invalid>',
  JOL_NOTIFY_TO: 'jol-list@example.invalid, second-list@example.invalid',
  JOL_SMTP_REQUIRE_TLS: 'false',
});

function publish() {
  fs.writeFileSync(
    path.join(fixture.root, 'lessons/2025-10-08-public-radio-lesson.md'),
    lesson('Public radio lesson <b>about talkgroups</b>', 'official', true),
  );
  fs.writeFileSync(
    path.join(fixture.root, 'lessons/2025-10-08-sensitive-radio-lesson.md'),
    lesson('Sensitive radio lesson that must not be emailed', 'official-sensitive', false),
  );
  fixture.git('add', '.');
  fixture.git('commit', '-qm', 'publish two lessons');
}

describe('npm run notify', () => {
  it('emails the newly published public lessons to the list, and nothing else', async () => {
    publish();
    const r = await cli('notify.ts', ['--since', base], fixture.cwd, smtp());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sent "[JOL Library] 1 new lesson published" to 2 addresses');
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    // Quoted-printable: undo soft line breaks and =XX escapes before reading the text.
    mail.data = mail.data
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    expect(mail.user).toBe('jol-bot');
    expect(mail.from).toBe('jol@example.invalid');
    expect(mail.to).toEqual(['jol-list@example.invalid', 'second-list@example.invalid']);
    expect(mail.data).toContain('Subject: [JOL Library] 1 new lesson published');
    expect(mail.data).toContain(
      'https://jol-library.github.io/jol-library/lessons/2025-10-08-public-radio-lesson/',
    );
    expect(mail.data).toContain('&lt;b&gt;about talkgroups&lt;/b&gt;');
    expect(mail.data).not.toContain('Sensitive radio lesson');
  });

  it('sends nothing when nothing new was published', async () => {
    const r = await cli('notify.ts', ['--since', base], fixture.cwd, smtp());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing to send');
    expect(received).toHaveLength(0);
  });

  it('does nothing when SMTP is not configured', async () => {
    publish();
    const r = await cli('notify.ts', ['--since', base], fixture.cwd, {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not configured');
    expect(received).toHaveLength(0);
  });

  it('fails loudly on a wrong password, and refuses a server without TLS unless told otherwise', async () => {
    publish();
    const wrong = await cli('notify.ts', ['--since', base], fixture.cwd, {
      ...smtp(),
      JOL_SMTP_PASSWORD: 'wrong',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Could not send the notification');
    const { JOL_SMTP_REQUIRE_TLS: _ignored, ...strict } = smtp();
    const noTls = await cli('notify.ts', ['--since', base], fixture.cwd, strict);
    expect(noTls.code).toBe(1);
    expect(noTls.stderr).toMatch(/STARTTLS|TLS/);
    expect(received).toHaveLength(0);
  });

  it('refuses a --since that is not a commit', async () => {
    const r = await cli('notify.ts', ['--since', 'main;touch pwned'], fixture.cwd, smtp());
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(fixture.cwd, 'pwned'))).toBe(false);
    expect(r.stderr).toContain('Expected --since to be a commit SHA or HEAD~N');
  });
});
