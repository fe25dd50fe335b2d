import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MarkedRead, MarkNotificationsRead, NotificationListQuery, NotificationPage, UnreadCount } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf } from '../../auth/auth.plugin.ts';
import { configureMessages } from './messages.ts';
import { listOwn, markRead, unreadCount } from './notifications.repository.ts';
import { notificationView } from './notifications.view.ts';

/**
 * The bell (issue #10 item 5): a user's own notices, newest first. Every route reads and writes
 * only the signed-in user's rows (the user id comes from the session, never from the request).
 */
export const notificationsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // The messages adapter is chosen by the validated config (QORGAU_MESSAGES) when the app is built.
    configureMessages({
      adapter: deps.config.messages,
      translator: deps.translator,
      log: (e) => app.log.info({ event: 'outbound_message', ...e }, 'outbound message'),
    });

    app.get(
      '/notifications',
      { config: { access: 'authenticated' }, schema: { tags: ['notifications'], querystring: NotificationListQuery, response: { 200: NotificationPage } } },
      async (req) => {
        const { page, pageSize, unread } = req.query;
        const { rows, total } = await listOwn(deps.db, actorOf(req).user.id, { unreadOnly: unread === '1', page, pageSize });
        return { items: rows.map(notificationView), total, page, pageSize };
      },
    );

    app.get(
      '/notifications/unread-count',
      { config: { access: 'authenticated' }, schema: { tags: ['notifications'], response: { 200: UnreadCount } } },
      async (req) => ({ unread: await unreadCount(deps.db, actorOf(req).user.id) }),
    );

    app.post(
      '/notifications/read',
      { config: { access: 'authenticated' }, schema: { tags: ['notifications'], body: MarkNotificationsRead, response: { 200: MarkedRead } } },
      async (req) => {
        const userId = actorOf(req).user.id;
        const ids = 'all' in req.body ? 'all' : req.body.ids;
        return deps.db.transaction(async (tx) => ({ marked: await markRead(tx, userId, ids, deps.now()), unread: await unreadCount(tx, userId) }));
      },
    );
  };
