import { expectTypeOf } from 'expect-type';
import { routeDomains, routes } from '../api/contract';
import { isLongRunning, REQUEST_DOMAINS, REQUEST_NAMES, requests, type LongRunningRequestName } from '../event-names';
import { OPERATION_KINDS, type OperationKind } from '../interfaces/operation-interface';
import { handlerDomains, handlers } from '../testing/reference-api/handlers';

describe('request declarations', () => {
  it('name as long-running exactly the operation kinds of the contract, in types and at run time', () => {
    expectTypeOf<LongRunningRequestName>().toEqualTypeOf<OperationKind>();
    expect(REQUEST_NAMES.filter(isLongRunning).sort()).toEqual([...OPERATION_KINDS].sort());
  });

  it('each call a route of the contract that the reference API implements', () => {
    for (const name of REQUEST_NAMES) {
      const { route } = requests[name];
      expect(routes[route.id as keyof typeof routes]).toBe(route);
      expect(handlers).toHaveProperty(route.id);
    }
  });

  it('group every request in exactly one of the nine domains of the contract', () => {
    const grouped = Object.values(REQUEST_DOMAINS).flat();
    expect(grouped.sort()).toEqual([...REQUEST_NAMES].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(Object.keys(REQUEST_DOMAINS)).toEqual([
      'user',
      'organization',
      'tenant',
      'account',
      'environment',
      'resource',
      'service',
      'marketplace',
      'notification',
    ]);
  });

  it('are grouped as the contract groups their routes, and so is the reference API', () => {
    const domains = Object.keys(REQUEST_DOMAINS);
    expect(Object.keys(routeDomains)).toEqual(domains);
    expect(Object.keys(handlerDomains)).toEqual(domains);
    for (const [domain, names] of Object.entries(REQUEST_DOMAINS)) {
      const domainRoutes = routeDomains[domain as keyof typeof routeDomains];
      for (const name of names) expect(Object.keys(domainRoutes)).toContain(requests[name].route.id);
      expect(Object.keys(handlerDomains[domain as keyof typeof handlerDomains]).sort()).toEqual(
        Object.keys(domainRoutes).sort(),
      );
    }
  });

  it('take their summary from their route unless they say otherwise', () => {
    for (const name of REQUEST_NAMES) expect(requests[name].summary).toBe(requests[name].route.summary);
  });
});
