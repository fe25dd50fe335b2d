import type { DbOrTx } from '../../db/client.ts';
import { outboundMessages } from '../../db/schema.ts';
import { createTranslator, DEFAULT_LOCALE, type Locale, type Translator } from '../../http/i18n.ts';

/**
 * E-mail and SMS behind an adapter (issue #10 item 5). Qorgau has no gateway of its own: the
 * default adapter (`record`) only writes each message to `outbound_messages` with status
 * `recorded`, where a deployment's gateway (or an operator) picks it up; `log` also writes it
 * to the server log. A real gateway is one more adapter that answers `sent` or `failed`.
 * A message never carries a victim's name: a notice's sentence and its reference only.
 */
export type MessageChannel = 'email' | 'sms';
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['email', 'sms'];

export interface OutboundMessage {
  userId: string;
  notificationId: string | null;
  channel: MessageChannel;
  /** Rendered in the recipient's language. */
  body: string;
}

export interface MessageSender {
  send(msg: OutboundMessage): Promise<'sent' | 'failed'>;
}

export type MessagesAdapter = 'record' | 'log';

/** Writes a line to the server log (Fastify's logger in the app). */
export type MessageLog = (entry: { channel: MessageChannel; userId: string; notificationId: string | null; body: string }) => void;

interface Settings {
  adapter: MessagesAdapter;
  log: MessageLog;
  translator: Translator | null;
}

const settings: Settings = {
  adapter: 'record',
  log: (e) => process.stdout.write(`${JSON.stringify({ event: 'outbound_message', ...e })}\n`),
  translator: null,
};

/** Set once at start-up from the validated config (QORGAU_MESSAGES); the default records only. */
export function configureMessages(next: Partial<Settings>): void {
  Object.assign(settings, next);
}

/** The sender of the configured adapter, writing in `tx` (the notice and its copies commit together). */
export function messageSender(tx: DbOrTx, adapter: MessagesAdapter = settings.adapter): MessageSender {
  const record = async (msg: OutboundMessage, status: string) => {
    await tx.insert(outboundMessages).values({ notificationId: msg.notificationId, channel: msg.channel, userId: msg.userId, body: msg.body, status });
  };
  if (adapter === 'log') {
    return {
      async send(msg) {
        settings.log({ channel: msg.channel, userId: msg.userId, notificationId: msg.notificationId, body: msg.body });
        await record(msg, 'logged');
        return 'sent';
      },
    };
  }
  return {
    async send(msg) {
      await record(msg, 'recorded');
      return 'sent';
    },
  };
}

let lazyTranslator: Promise<Translator> | null = null;
/** The app's translator when configured; otherwise (a seed or job outside the app) one of our own. */
export function messagesTranslator(): Promise<Translator> {
  if (settings.translator) return Promise.resolve(settings.translator);
  lazyTranslator ??= createTranslator();
  return lazyTranslator;
}

/**
 * The message text of a notice: the same sentence as the bell (`notifications.kind.<kind>`),
 * in the recipient's language. Users have no language of their own yet: Kazakh, the state language.
 */
export function renderNotice(t: Translator, notice: { kind: string; facts: Record<string, string | number> }, locale: Locale = DEFAULT_LOCALE): string {
  return `${t.t(locale, 'app.title')}: ${t.t(locale, `notifications.kind.${notice.kind}`, notice.facts)}`;
}
