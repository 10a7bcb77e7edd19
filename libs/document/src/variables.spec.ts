import { resolveVariableValues, variableDefinition, variableValueProblem } from './variables';

describe('resolveVariableValues', () => {
  it("takes the school's own value, else the trust's, else Ratify's default", () => {
    const resolved = resolveVariableValues({
      trust: { 'school.headTitle': 'Headteacher', 'trust.boardName': 'Trust Board' },
      school: { 'school.headTitle': 'Head of School', 'school.dslName': 'Sam Patel', 'trust.boardName': 'a school cannot rename the board' },
      defaults: { 'school.name': 'Willow Primary Academy', 'trust.name': 'Leaf Trust' },
    });
    expect(resolved['school.headTitle']).toEqual({ value: 'Head of School', source: 'school' });
    expect(resolved['school.dslName']).toEqual({ value: 'Sam Patel', source: 'school' });
    expect(resolved['trust.boardName']).toEqual({ value: 'Trust Board', source: 'trust' });
    expect(resolved['trust.name']).toEqual({ value: 'Leaf Trust', source: 'default' });
    expect(resolved['school.headName']).toBeUndefined();
  });
});

describe('variableValueProblem', () => {
  const email = variableDefinition('school.email')!;
  const phone = variableDefinition('school.phone')!;
  it('accepts real values and explains bad ones', () => {
    expect(variableValueProblem(email, 'office@willow.sch.uk')).toBeUndefined();
    expect(variableValueProblem(phone, '01234 567890')).toBeUndefined();
    expect(variableValueProblem(email, 'not an email')).toBe('School email must be an email address, like office@school.org.uk.');
    expect(variableValueProblem(phone, 'call the office')).toMatch(/telephone number/);
    expect(variableValueProblem(variableDefinition('school.name')!, 'x'.repeat(301))).toMatch(/at most 300/);
    expect(variableValueProblem(variableDefinition('school.name')!, 'bell\u0007')).toMatch(/cannot be printed/);
  });
});
