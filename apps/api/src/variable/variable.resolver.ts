import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { SetVariablesInput, VariableValue } from './dto/variable.types';
import { VariableService } from './variable.service';

@Resolver(() => VariableValue)
@Members()
export class VariableResolver {
  constructor(private readonly variableService: VariableService) {}

  @Query(() => [VariableValue], { description: "Every variable with its value for the trust, or for one of its schools." })
  async variables(@Args('schoolId', { type: () => ID, nullable: true }) schoolId?: string): Promise<VariableValue[]> {
    return this.variableService.list(schoolId);
  }

  @Mutation(() => [VariableValue], { description: "Sets variable values for the trust (admins) or a school (admins, or that school's staff). An empty value clears one." })
  @Members('admin', 'author', 'publisher')
  async setVariables(@Args('input') input: SetVariablesInput): Promise<VariableValue[]> {
    return this.variableService.set(input.schoolId, input.values);
  }
}
