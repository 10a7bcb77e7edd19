import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { Publication, PublishPolicyInput } from './dto/publication.types';
import { PublicationService } from './publication.service';

@Resolver(() => Publication)
@Members('admin', 'publisher')
export class PublicationResolver {
  constructor(private readonly publications: PublicationService) {}

  @Mutation(() => [Publication], {
    description:
      "Publishes the policy's approved version for the trust and every school, or for the schools named, each copy with its own overrides and details. BAD_USER_INPUT (details.missing) naming every empty required detail; nothing is published then.",
  })
  async publishPolicy(@Args('input') input: PublishPolicyInput): Promise<Publication[]> {
    return this.publications.publish(input.policyId, input.schoolIds);
  }
}
