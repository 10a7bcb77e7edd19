import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { ClauseLock, SaveSchoolVariantInput, SchoolVariant, SetClauseLocksInput } from './dto/variant.types';
import { VariantService } from './variant.service';

const asList = (locks: Record<string, string>): ClauseLock[] => Object.entries(locks).map(([clauseId, level]) => ({ clauseId, level }));

@Resolver(() => SchoolVariant)
@Members()
export class VariantResolver {
  constructor(private readonly variants: VariantService) {}

  @Query(() => [ClauseLock], { description: "The trust's lock level per clause (clauses not listed are editable)." })
  async clauseLocks(@Args('policyId', { type: () => ID }) policyId: string): Promise<ClauseLock[]> {
    return asList(await this.variants.locks(policyId));
  }

  @Mutation(() => [ClauseLock], { description: 'Sets the lock level of clauses of the current version (replaces the list).' })
  @Members('admin', 'author')
  async setClauseLocks(@Args('input') input: SetClauseLocksInput): Promise<ClauseLock[]> {
    return asList(await this.variants.setLocks(input.policyId, input.locks));
  }

  @Query(() => SchoolVariant, { description: "A school's copy of a trust policy." })
  async schoolVariant(@Args('policyId', { type: () => ID }) policyId: string, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<SchoolVariant> {
    return this.variants.variant(policyId, schoolId);
  }

  @Mutation(() => SchoolVariant, { description: "Saves a school's overrides of the trust's current version; BAD_USER_INPUT (details.problems) for a locked or unknown clause." })
  @Members('admin', 'author', 'publisher')
  async saveSchoolVariant(@Args('input') input: SaveSchoolVariantInput): Promise<SchoolVariant> {
    return this.variants.saveVariant(input.policyId, input.schoolId, input.overrides);
  }
}
