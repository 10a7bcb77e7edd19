import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
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

  @Query(() => Outbox, { description: "The organisation's email, newest first: what was sent, and what waits for a mail server." })
  @Members('admin')
  async outbox(@Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<Outbox> {
    return { delivering: this.mailer.configured, emails: await this.notificationService.outbox(first) };
  }
}
