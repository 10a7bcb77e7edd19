import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Members, Public } from '../common/access';
import { formatUkDate } from '../common/dates';
import { AppError, ErrorCode } from '../common/errors';
import { CalendarFeedService } from './calendar-feed.service';
import { ReviewStatusGql, type ReviewDashboardFilter } from './dto/review.types';
import { ReviewDashboardService } from './review-dashboard.service';

const STATUS_LABELS: Record<string, string> = {
  overdue: 'Overdue',
  review_required: 'Review required',
  due_this_term: 'Due this term',
  due_next_term: 'Due next term',
  awaiting_approval: 'Awaiting approval',
  in_draft: 'In draft',
  not_published: 'Not published',
  current: 'Current',
};

const COLUMNS = ['Policy', 'Academy', 'Status', 'All statuses', 'Version', 'Approved', 'Next review', 'Term', 'Committee', 'Statutory', 'Review required by'];

/** GET /api/reviews/dashboard.csv (the dashboard's rows, same filters) and the public ICS feed. */
@Controller('api')
export class ReviewExportController {
  constructor(
    private readonly dashboard: ReviewDashboardService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @Get('reviews/dashboard.csv')
  @Members()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="policy-reviews.csv"')
  async csv(
    @Query('status') status?: string,
    @Query('schoolId') schoolId?: string,
    @Query('committeeId') committeeId?: string,
    @Query('statutory') statutory?: string,
    @Query('search') search?: string,
  ): Promise<string> {
    if (status && !Object.values(ReviewStatusGql).includes(status as ReviewStatusGql)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `Unknown status "${status}": use one of ${Object.values(ReviewStatusGql).join(', ')}.`);
    }
    if (statutory && !['true', 'false'].includes(statutory)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'statutory must be true or false.');
    const filter: ReviewDashboardFilter = { status: (status as ReviewStatusGql) || null, schoolId: schoolId || null, committeeId: committeeId || null, statutory: statutory ? statutory === 'true' : null, search: search || null };
    const { rows } = await this.dashboard.dashboard(filter);
    const lines = rows.map((row) => [
      row.policy.title,
      row.school?.name ?? 'Trust-wide',
      STATUS_LABELS[row.status],
      row.statuses.map((status) => STATUS_LABELS[status]).join('; '),
      row.policy.versionNumber ?? '',
      row.policy.approvedOn ? formatUkDate(row.policy.approvedOn) : '',
      row.dueOn ? formatUkDate(row.dueOn) : '',
      row.dueTerm ?? '',
      row.policy.committee ?? '',
      row.policy.statutory ? 'Yes' : 'No',
      row.policy.flags.map((flag) => `${flag.reason} (${formatUkDate(flag.dueOn)})`).join('; '),
    ]);
    return stringify([COLUMNS, ...lines], { escape_formulas: true, record_delimiter: 'windows' });
  }

  @Get('calendar/:slug/:file')
  @Public()
  async feed(@Param('slug') slug: string, @Param('file') file: string, @Res() response: Response): Promise<void> {
    const text = file.endsWith('.ics') ? await this.feeds.render(slug, file.slice(0, -4)) : null;
    if (text === null) {
      response.status(404).type('text/plain').send('This calendar address is not in use. Ask your trust for a new one.');
      return;
    }
    response.status(200).setHeader('Cache-Control', 'private, max-age=300');
    response.type('text/calendar; charset=utf-8').send(text);
  }
}
