/**
 * A local mail server for tests (smtp-server): accepts every message on 127.0.0.1 (random port, no TLS, sign-in
 * optional) and keeps it. Give `url` to the app as its SMTP_URL (ServiceOptions.mail.smtpUrl).
 *
 *   const sink = await startSmtpSink();
 *   ... the app sends an invitation ...
 *   const mail = await sink.waitForMessageTo('anna@example.nl');   // rejects after timeoutMs (default 5000)
 *   const link = /https?:\/\/\S+/.exec(mail.text)![0];
 *   await sink.close();
 *
 * `messages`: every message so far, oldest first. `text` is the decoded plain-text body (base64 or
 * quoted-printable undone), `subject` the decoded Subject header, `to` the envelope recipients (lower case).
 */
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpSink {
  url: string;
  messages: SinkMessage[];
  waitForMessageTo(email: string, timeoutMs?: number): Promise<SinkMessage>;
  close(): Promise<void>;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header value. */
function decodeHeader(value: string): string {
  return value.replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=\s*/g, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A single-part message: headers (unfolded) and the decoded body. */
export function parseMessage(raw: string, to: string[]): SinkMessage {
  const split = raw.search(/\r?\n\r?\n/);
  const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r?\n[ \t]+/g, ' ');
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const text = decodeBody(body, header('Content-Transfer-Encoding').toLowerCase()).replace(/\r\n/g, '\n');
  return { to, subject: decodeHeader(header('Subject')), text };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const waiting: Array<{ email: string; resolve: (m: SinkMessage) => void }> = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const message = parseMessage(Buffer.concat(chunks).toString('utf8'), to);
        messages.push(message);
        for (const w of waiting.splice(0)) {
          if (to.includes(w.email)) w.resolve(message);
          else waiting.push(w);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('smtp sink: no port');
  return {
    url: `smtp://test:test@127.0.0.1:${address.port}`,
    messages,
    waitForMessageTo(email, timeoutMs = 5000) {
      const wanted = email.toLowerCase();
      const found = messages.find((m) => m.to.includes(wanted));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`smtp sink: no mail to ${email} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({ email: wanted, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
