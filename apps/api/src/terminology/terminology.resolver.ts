import { Args, Mutation, Query, Resolver, ID } from '@nestjs/graphql';
import { Members } from '../common/access';
import { parseId } from '../common/ids';
import { PolicyVersion } from '../policy/dto/policy.types';
import { toPolicyVersion } from '../policy/policy.resolver';
import { ApplyTerminologyInput, SetTerminologyInput, Term, TermProposal } from './dto/terminology.types';
import { TerminologyService } from './terminology.service';

@Resolver(() => Term)
@Members()
export class TerminologyResolver {
  constructor(private readonly terminologyService: TerminologyService) {}

  @Query(() => [Term], { description: "The organisation's own words, replacing a model policy's." })
  async terminology(): Promise<Term[]> {
    return this.terminologyService.terms();
  }

  @Mutation(() => [Term], { description: "Replaces the organisation's terminology list." })
  @Members('admin')
  async setTerminology(@Args('input') input: SetTerminologyInput): Promise<Term[]> {
    return this.terminologyService.setTerms(input.terms.map((term) => ({ from: term.from, to: term.to })));
  }

  @Query(() => [TermProposal], { description: "What the organisation's terminology would change in a version, heading by heading and clause by clause." })
  async terminologyProposals(@Args('versionId', { type: () => ID }) versionId: string): Promise<TermProposal[]> {
    return this.terminologyService.proposals(parseId(versionId, 'Version'));
  }

  @Mutation(() => PolicyVersion, { description: 'Applies the accepted terminology proposals to a draft, as a saved edit (CONFLICT if the draft moved on).' })
  @Members('admin', 'author')
  async applyTerminology(@Args('input') input: ApplyTerminologyInput): Promise<PolicyVersion> {
    return toPolicyVersion(await this.terminologyService.apply(parseId(input.versionId, 'Draft'), input.expectedRevision, input.accept));
  }
}
