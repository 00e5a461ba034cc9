import type { Operation } from '../interfaces/operation-interface';
import { demoCredentials } from '../testing';
import { useReferenceApi } from './support/reference';
import { blogForm } from './support/reference-seed';

const { signIn } = useReferenceApi();

describe('the operation follower on the reference API', () => {
  it('follows deployments started together to operation:completed with GET /operations?ids= polls', async () => {
    const { bridge, log, httpCalls } = await signIn(demoCredentials, { operationDurationMs: 200 });
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
