import { createRequestController, type RequestSnapshot } from '../bindings/core/index';
import { BackendError } from '../errors/backend-error';
import { buildUser } from '../testing/factories';
import { createFakeBackend } from './support/fake-backend';

const statusesOf = (snapshots: RequestSnapshot[]) =>
  snapshots.map(
    ({ status, data, error }) =>
      `${status} ${(data as { name?: string } | undefined)?.name ?? '-'} ${error?.code ?? '-'}`,
  );

function watched(fake = createFakeBackend()) {
  const controller = createRequestController(fake.bridge, 'updateUser');
  const snapshots: RequestSnapshot[] = [];
  controller.subscribe(() => snapshots.push(controller.getSnapshot()));
  return { fake, controller, snapshots };
}

describe('createRequestController', () => {
  it('starts idle, and keeps one snapshot identity until something changes', () => {
    const { controller } = watched();
    expect(controller.getSnapshot()).toEqual({
      status: 'idle',
      data: undefined,
      error: undefined,
      requestId: undefined,
    });
    expect(controller.getSnapshot()).toBe(controller.getSnapshot());
  });

  it('overlapping executions: each resolves its own outcome, and the snapshot follows the latest only', async () => {
    const { fake, controller, snapshots } = watched();
    const first = controller.execute({ name: 'First' });
    const second = controller.execute({ name: 'Second' });
    const [older, newer] = fake.requests;

    fake.claim.succeed(newer!.requestId, buildUser({ name: 'Second' }));
    await second;
    fake.claim.succeed(older!.requestId, buildUser({ name: 'First' }));

    await expect(first).resolves.toMatchObject({ ok: true, data: { name: 'First' } });
    await expect(second).resolves.toMatchObject({ ok: true, data: { name: 'Second' } });
    expect(statusesOf(snapshots)).toEqual(['pending - -', 'pending - -', 'success Second -']);
    expect(controller.getSnapshot().requestId).toBe(newer!.requestId);
  });

  it('keeps the last data while a newer execution is pending and when it fails', async () => {
    const { fake, controller, snapshots } = watched();
    const ok = controller.execute({ name: 'Ada' });
    fake.claim.succeed(fake.last('updateUser').requestId, buildUser({ name: 'Ada' }));
    await ok;
    const failing = controller.execute({ name: 'Bad' });
    fake.claim.fail(fake.last('updateUser').requestId, new BackendError({ code: 'CONFLICT', message: 'stale' }));
    const outcome = await failing;

    expect(!outcome.ok && outcome.error.code).toBe('CONFLICT');
    expect(statusesOf(snapshots)).toEqual(['pending - -', 'success Ada -', 'pending Ada -', 'error Ada CONFLICT']);
  });

  it('abort() ends every execution in flight CANCELLED and aborts their signals; the controller works again after', async () => {
    const { fake, controller } = watched();
    const one = controller.execute({ name: 'One' });
    const two = controller.execute({ name: 'Two' }, { requestId: 'req-two' });
    controller.abort('changed my mind');

    expect(fake.requests.map((request) => request.signal.aborted)).toEqual([true, true]);
    const outcomes = await Promise.all([one, two]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code))).toEqual(['CANCELLED', 'CANCELLED']);
    expect(controller.getSnapshot()).toMatchObject({ status: 'error', requestId: 'req-two' });

    const three = controller.execute({ name: 'Three' });
    fake.claim.succeed(fake.last('updateUser').requestId, buildUser({ name: 'Three' }));
    await expect(three).resolves.toMatchObject({ ok: true });
  });

  it('follows the caller’s own signal too', async () => {
    const { fake, controller } = watched();
    const caller = new AbortController();
    const pending = controller.execute({ name: 'Ada' }, { signal: caller.signal });
    caller.abort();
    expect(fake.last('updateUser').signal.aborted).toBe(true);
    const outcome = await pending;
    expect(!outcome.ok && outcome.error.code).toBe('CANCELLED');
  });

  it('dispose() aborts what is in flight, stops updating, and ends later executions CANCELLED without sending them', async () => {
    const { fake, controller, snapshots } = watched();
    const pending = controller.execute({ name: 'Ada' });
    controller.dispose();
    controller.dispose();
    const outcome = await pending;
    const later = await controller.execute({ name: 'Late' });

    expect(!outcome.ok && outcome.error.code).toBe('CANCELLED');
    expect(!later.ok && later.error.code).toBe('CANCELLED');
    expect(fake.requests).toHaveLength(1);
    expect(statusesOf(snapshots)).toEqual(['pending - -']);
  });

  it('turns a rejection that is not a BackendError into a typed SERVER defect', async () => {
    const fake = createFakeBackend();
    const controller = createRequestController(fake.bridge, 'updateUser');
    const bridgeRequest = jest.spyOn(fake.bridge, 'request').mockRejectedValueOnce(new TypeError('boom'));
    const outcome = await controller.execute({ name: 'Ada' });
    expect(bridgeRequest).toHaveBeenCalledTimes(1);
    expect(!outcome.ok && outcome.error).toBeInstanceOf(BackendError);
    expect(!outcome.ok && outcome.error).toMatchObject({
      code: 'SERVER',
      message: expect.stringContaining('boom') as string,
    });
  });
});
