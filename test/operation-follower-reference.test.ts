import type { Operation } from '../interfaces/operation-interface';
import { demoCredentials } from '../testing';
import { useReferenceApi } from './support/reference';
import { blogForm } from './support/reference-seed';

const { signIn } = useReferenceApi();

describe('the operation follower on the reference API', () => {
  it('follows deployments started together to operation:completed with GET /operations?ids= polls', async () => {
    // Deploys to one tenant are accepted one after the other (writes run in order): operations long enough to
    // overlap for several poll rounds, so that they are polled together however loaded the machine is.
    const { bridge, log, httpCalls } = await signIn(demoCredentials, { operationDurationMs: 1_500 });
    const names = ['blog-a', 'blog-b', 'blog-c'];

    const finished = await Promise.all(
      names.map((name) =>
        bridge.request('deployService', blogForm({ name, resources: [] }), { requestId: name, until: 'completed' }),
      ),
    );

    expect(finished.map((operation: Operation) => operation.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(log.names().filter((name) => name === 'operation:completed')).toHaveLength(3);
    expect(log.names()).not.toContain('operation:failed');
    expect(httpCalls).toContain('GET /api/operations');
  });
});
