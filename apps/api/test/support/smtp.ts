/**
 * A real SMTP server on loopback (smtp-server) that keeps what it receives, for tests of email
 * sent through the app's SMTP transport; and waiting for something to arrive.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  /** The message as received: long header lines unfolded, quoted-printable soft breaks joined (the texts here are ASCII). */
  raw: string;
  subject: string;
}

export interface LoopbackSmtp {
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8').replace(/=\r?\n/g, '').replace(/\r?\n(?=[ \t])/g, '');
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '' });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Reads until `done` says so, or gives up after about ten seconds and returns the last reading. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (done(value) || attempt === 200) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
