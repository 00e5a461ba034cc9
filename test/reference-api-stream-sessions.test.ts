import { demoCredentials } from '../testing';
import { SEED } from './support/reference-seed';
import { describeMessage, streamHarness } from './support/sse-client';

// How sessions end the live streams of the reference API, on a real loopback server.

const { start, dispose } = streamHarness();

afterEach(dispose);

describe('the live stream and the session behind it', () => {
  it('ends when a reused refresh token revokes its session family', async () => {
    const { server, call, open } = await start();
    const signedIn = await call('login', { body: { ...demoCredentials, refreshTokenDelivery: 'body' } });
    const { accessToken, refreshToken } = (signedIn.body as { session: { accessToken: string; refreshToken: string } })
      .session;
    const stream = await open(accessToken);

    expect((await call('refreshSession', { body: { refreshToken } })).status).toBe(200);
    const reused = await call('refreshSession', { body: { refreshToken } });
    await stream.ended;

    expect(reused.body).toMatchObject({ reason: 'refresh_token_reused' });
    expect(server.openStreams).toBe(0);
  });

  it('ends when its access token expires, so that the client reconnects with a fresh one', async () => {
    const { server, login, open } = await start({ accessTokenTtlMs: 100 });
    const stream = await open(await login(demoCredentials));

    await stream.ended;

    expect(server.openStreams).toBe(0);
  });

  it('ends on reset(), and an id from before the reset asks the client to reload', async () => {
    const { server, call, login, open } = await start();
    const token = await login(demoCredentials);
    const stream = await open(token);
    await call('updateUser', { token, body: { name: 'Before reset' } });
    const [before] = await stream.until((message) => message.event === 'user.updated');

    server.api.reset();
    await stream.ended;
    const fresh = await login(demoCredentials);
    const resumed = await open(fresh, before?.id);
    await call('updateUser', { token: fresh, body: { name: 'After reset' } });

    const received = await resumed.until((message) => message.event === 'user.updated');
    expect(received.map(describeMessage)).toEqual(['stream.reset too_old', `user.updated ${SEED.users.demo}`]);
  });
});
