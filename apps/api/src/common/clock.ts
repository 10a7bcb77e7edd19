import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** "Today" for business rules (review status); pinned by RATIFY_CLOCK in demos and tests. */
@Injectable()
export class Clock {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Today's date in England, as YYYY-MM-DD. */
  today(): string {
    if (this.config.clock) return this.config.clock;
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  }
}
