import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, ValidationPipe, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { RequestContextMiddleware } from './auth/request-context.middleware';
import { AccessGuard } from './common/access';
import { Clock } from './common/clock';
import { HttpErrorFilter } from './common/http-exception.filter';
import { HttpTransactionInterceptor } from './common/http-transaction.interceptor';
import { APP_CONFIG, type AppConfig } from './config/config';
import { Database } from './database/database.service';
import { TransactionPlugin } from './database/transaction.plugin';
import { graphqlOptions } from './graphql.config';
import { HealthController } from './health/health.controller';
import { MembershipResolver } from './organisation/membership.resolver';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { OrganisationService } from './organisation/organisation.service';
import { DraftService } from './policy/draft.service';
import { ImportController } from './policy/import.controller';
import { PolicyResolver, PolicySearchResolver, PolicyVersionResolver } from './policy/policy.resolver';
import { SearchService } from './policy/search.service';
import { TemplateResolver, TemplateVersionResolver } from './template/template.resolver';
import { TemplateService } from './template/template.service';
import { TerminologyResolver } from './terminology/terminology.resolver';
import { TerminologyService } from './terminology/terminology.service';
import { UpstreamResolver } from './upstream/upstream.resolver';
import { UpstreamService } from './upstream/upstream.service';
import { VariableResolver } from './variable/variable.resolver';
import { VariableService } from './variable/variable.service';
import { VariantResolver } from './variant/variant.resolver';
import { VariantService } from './variant/variant.service';
import { PolicyService } from './policy/policy.service';
import { PublicSiteController } from './publication/public-site.controller';
import { PublicSiteService } from './publication/public-site.service';
import { PolicyPublicationResolver, PublicationResolver } from './publication/publication.resolver';
import { PdfRenderer } from './publication/pdf-renderer';
import { VersionPdfController } from './publication/version-pdf.controller';
import { BrandingResolver } from './branding/branding.resolver';
import { BrandingService } from './branding/branding.service';
import { LogoController } from './branding/logo.controller';
import { createFileStore, FileStore } from './storage/file-store';
import { PublicationService } from './publication/publication.service';
import { ApprovalResolver, PolicyApprovalResolver, RedlineResolver } from './approval/approval.resolver';
import { ApprovalService } from './approval/approval.service';
import { RecordDecisionCommand } from './approval/record-decision.command';
import { SubmitForApprovalCommand } from './approval/submit-for-approval.command';
import { VersionHistoryService } from './approval/version-history.service';
import { AuditExportController } from './audit/audit-export.controller';
import { AuditResolver } from './audit/audit.resolver';
import { AuditService } from './audit/audit.service';
import { ApprovalRouteStageResolver, GovernanceResolver, PolicyRouteResolver, PolicyVersionApproverResolver } from './governance/governance.resolver';
import { GovernanceService } from './governance/governance.service';
import { Mailer } from './notification/mailer';
import { NotificationResolver } from './notification/notification.resolver';
import { NotificationService } from './notification/notification.service';
import { JOB_QUEUE_URL, JobQueue } from './jobs/job-queue';
import { CalendarFeedService } from './review/calendar-feed.service';
import { CalendarService } from './review/calendar.service';
import { GuidanceService } from './review/guidance.service';
import { ReminderService } from './review/reminder.service';
import { ReviewDashboardService } from './review/review-dashboard.service';
import { ReviewExportController } from './review/review-export.controller';
import { ReviewScheduleService } from './review/review-schedule.service';
import { PolicyReviewResolver, ReviewResolver } from './review/review.resolver';
import { AcceptInvitationCommand } from './people/accept-invitation.command';
import { PeopleResolver } from './people/people.resolver';
import { PeopleService } from './people/people.service';

/**
 * The whole API. `dataSource` is the runtime role's connection, already initialised:
 * the app never sees the owner's credentials.
 */
@Module({})
export class AppModule implements NestModule {
  static create(config: AppConfig, dataSource: DataSource, runtimeUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config) })],
      controllers: [HealthController, PublicSiteController, ImportController, AuditExportController, ReviewExportController, LogoController, VersionPdfController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        { provide: JOB_QUEUE_URL, useValue: runtimeUrl },
        { provide: FileStore, useValue: createFileStore(config.files) },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: HttpTransactionInterceptor },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true }),
        },
        Clock,
        Database,
        TransactionPlugin,
        AuthService,
        AuthResolver,
        OrganisationService,
        MembershipResolver,
        OrganisationResolver,
        PolicyService,
        PolicyResolver,
        PolicyVersionResolver,
        PolicySearchResolver,
        DraftService,
        SearchService,
        TemplateService,
        TemplateResolver,
        TemplateVersionResolver,
        UpstreamService,
        UpstreamResolver,
        TerminologyService,
        TerminologyResolver,
        VariableService,
        VariableResolver,
        VariantService,
        VariantResolver,
        PublicSiteService,
        PublicationService,
        PublicationResolver,
        PolicyPublicationResolver,
        PdfRenderer,
        BrandingService,
        BrandingResolver,
        AuditService,
        AuditResolver,
        Mailer,
        NotificationService,
        NotificationResolver,
        JobQueue,
        CalendarService,
        ReviewScheduleService,
        ReviewDashboardService,
        GuidanceService,
        ReminderService,
        CalendarFeedService,
        ReviewResolver,
        PolicyReviewResolver,
        GovernanceService,
        GovernanceResolver,
        ApprovalRouteStageResolver,
        PolicyRouteResolver,
        PolicyVersionApproverResolver,
        ApprovalService,
        SubmitForApprovalCommand,
        RecordDecisionCommand,
        VersionHistoryService,
        ApprovalResolver,
        PolicyApprovalResolver,
        RedlineResolver,
        PeopleService,
        AcceptInvitationCommand,
        PeopleResolver,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
