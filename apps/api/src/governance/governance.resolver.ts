import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { OrganisationRef, RoleGql } from '../organisation/dto/organisation.types';
import { toOrganisationRef } from '../organisation/membership.resolver';
import { OrganisationService } from '../organisation/organisation.service';
import { Policy, PolicyVersion } from '../policy/dto/policy.types';
import { toPolicy } from '../policy/policy.resolver';
import {
  ApprovalRoute,
  ApprovalRouteStage,
  BodyPositionGql,
  GovernanceBody,
  GovernanceBodyKindGql,
  LocalAdoptionGql,
  OrganisationMember,
  SaveApprovalRouteInput,
  SaveGovernanceBodyInput,
  StageActionGql,
  StageAppliesToGql,
} from './dto/governance.types';
import { GovernanceService, type BodyRow, type RouteRow } from './governance.service';
import { PolicyService } from '../policy/policy.service';

export function toGovernanceBody(row: BodyRow): GovernanceBody {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as GovernanceBodyKindGql,
    quorum: row.quorum,
    schoolId: row.schoolId,
    members: row.members.map((member) => ({
      membershipId: member.membershipId,
      person: { id: member.personId, name: member.name },
      position: member.position as BodyPositionGql,
    })),
  };
}

function toApprovalRoute(row: RouteRow): ApprovalRoute {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.isDefault,
    authorMayApprove: row.authorMayApprove,
    minorChangeRole: row.minorChangeRole as RoleGql | null,
    localAdoption: row.localAdoption as LocalAdoptionGql,
    stages: row.stages.map((stage) => ({ position: stage.position, bodyId: stage.bodyId, action: stage.action as StageActionGql, appliesTo: stage.appliesTo as StageAppliesToGql })),
  };
}

@Resolver(() => GovernanceBody)
@Members()
export class GovernanceResolver {
  constructor(
    private readonly governance: GovernanceService,
    private readonly organisations: OrganisationService,
    private readonly policies: PolicyService,
  ) {}

  @Query(() => [OrganisationMember], { description: "The people in the active organisation and their roles, by name: to put on bodies." })
  async organisationMembers(): Promise<OrganisationMember[]> {
    const rows = await this.governance.members();
    const schools = new Map((await Promise.all([...new Set(rows.map((row) => row.schoolId).filter((id): id is string => !!id))].map((id) => this.organisations.load(id)))).map((school) => [school.id, school]));
    return rows.map((row) => ({
      membershipId: row.membershipId,
      person: { id: row.personId, name: row.name },
      role: row.role as RoleGql,
      school: row.schoolId ? toOrganisationRef(schools.get(row.schoolId)!) : null,
    }));
  }

  @Query(() => [GovernanceBody], { description: "The organisation's board, committees and local governing bodies." })
  async governanceBodies(): Promise<GovernanceBody[]> {
    return (await this.governance.bodies()).map(toGovernanceBody);
  }

  @ResolveField(() => OrganisationRef, { nullable: true, description: 'For a local governing body: its academy.' })
  async school(@Parent() body: GovernanceBody): Promise<OrganisationRef | null> {
    return body.schoolId ? toOrganisationRef(await this.organisations.load(body.schoolId)) : null;
  }

  @Mutation(() => GovernanceBody, {
    description: 'Creates or changes a governance body and sets its members. BAD_USER_INPUT for a duplicate name, two chairs or clerks, people from outside the organisation, or a quorum larger than the body.',
  })
  @Members('admin')
  async saveGovernanceBody(@Args('input') input: SaveGovernanceBodyInput): Promise<GovernanceBody> {
    return toGovernanceBody(await this.governance.saveBody(input));
  }

  @Query(() => [ApprovalRoute], { description: "The organisation's approval routes, the default first." })
  async approvalRoutes(): Promise<ApprovalRoute[]> {
    return (await this.governance.routes()).map(toApprovalRoute);
  }

  @Mutation(() => ApprovalRoute, { description: 'Creates or changes an approval route. BAD_USER_INPUT for no stages, a route starting with ratification, a body twice or a duplicate name.' })
  @Members('admin')
  async saveApprovalRoute(@Args('input') input: SaveApprovalRouteInput): Promise<ApprovalRoute> {
    return toApprovalRoute(await this.governance.saveRoute(input));
  }

  @Mutation(() => Policy, { description: "Gives a policy its own approval route, or (routeId null) the organisation's default." })
  @Members('admin')
  async setPolicyApprovalRoute(
    @Args('policyId', { type: () => ID }) policyId: string,
    @Args('routeId', { type: () => ID, nullable: true }) routeId: string | null,
  ): Promise<Policy> {
    await this.governance.setPolicyRoute(policyId, routeId);
    return toPolicy(await this.policies.get(policyId));
  }
}

@Resolver(() => ApprovalRouteStage)
@Members()
export class ApprovalRouteStageResolver {
  constructor(private readonly governance: GovernanceService) {}

  @ResolveField(() => GovernanceBody)
  async body(@Parent() stage: ApprovalRouteStage): Promise<GovernanceBody> {
    return toGovernanceBody(await this.governance.body(stage.bodyId));
  }
}

@Resolver(() => Policy)
@Members()
export class PolicyRouteResolver {
  constructor(private readonly governance: GovernanceService) {}

  @ResolveField(() => ApprovalRoute, { nullable: true, description: "The route this policy's approvals follow (its own or the default); null when none is set up." })
  async approvalRoute(@Parent() policy: Policy): Promise<ApprovalRoute | null> {
    const route = await this.governance.policyRoute(policy.id);
    return route ? toApprovalRoute(route) : null;
  }
}

@Resolver(() => PolicyVersion)
@Members()
export class PolicyVersionApproverResolver {
  constructor(private readonly governance: GovernanceService) {}

  @ResolveField(() => GovernanceBody, { nullable: true, description: 'The body that approved this version (a ratifying board confirms it); null for a delegated minor change or before approval.' })
  async approvedBy(@Parent() version: PolicyVersion): Promise<GovernanceBody | null> {
    return version.approvedByBodyId ? toGovernanceBody(await this.governance.body(version.approvedByBodyId)) : null;
  }
}
