import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { hideInvitationLinks } from '../people/invitation-link';
import { Notification, Outbox } from './dto/notification.types';
import { Mailer } from './mailer';
import { NotificationService } from './notification.service';

@Resolver(() => Notification)
@Members()
export class NotificationResolver {
  constructor(
    private readonly notificationService: NotificationService,
    private readonly mailer: Mailer,
  ) {}

  @Query(() => [Notification], { description: 'Your notifications in the active organisation, newest first.' })
  async notifications(@Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<Notification[]> {
    return this.notificationService.list(first);
  }

  @Query(() => Int)
  async unreadNotificationCount(): Promise<number> {
    return this.notificationService.unreadCount();
  }

  @Mutation(() => Int, { description: 'Marks your notifications read (all of them when ids is empty); the number that changed.' })
  async markNotificationsRead(@Args('ids', { type: () => [ID] }) ids: string[]): Promise<number> {
    return this.notificationService.markRead(ids);
  }

  @Query(() => Outbox, {
    description:
      "The organisation's email, newest first: what was sent, and what waits for a mail server. While a mail server delivers them, invitation links are hidden (only the invitee may use one); without one, the outbox is how they are passed on.",
  })
  @Members('admin')
  async outbox(@Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<Outbox> {
    const emails = await this.notificationService.outbox(first);
    if (!this.mailer.configured) return { delivering: false, emails };
    return { delivering: true, emails: emails.map((email) => ({ ...email, body: hideInvitationLinks(email.body) })) };
  }
}
