import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { once } from 'node:events';
import { noCancellation, type Steps } from '../../server/src/service';
import { Slices } from '../../server/src/slices';

/** Steps that pause until `done` says so, then answer. */
function* working(done: () => boolean): Steps<string> {
  while (!done()) yield;
  return 'answer';
}

/** Counts turns of the event loop, up to `count`. */
function turnsOfTheEventLoop(count: number): { passed: () => boolean } {
  let turns = 0;
  const turn = () => {
    if (++turns < count) setImmediate(turn);
  };
  setImmediate(turn);
  return { passed: () => turns >= count };
}

describe('server: long work in slices', () => {
  const written = () => Promise.resolve();

  it('stops a request at the slice after its cancellation, however long its work', async () => {
    const token = { isCancellationRequested: false };
    // Cancelled from a later turn of the event loop, which the request must let come.
    setImmediate(() => (token.isCancellationRequested = true));
    let steps = 0;
    assert.equal(await new Slices(1, written).request(working(() => ++steps > 10_000_000), token), undefined);
  });

  it('answers a request that is not cancelled, once its work is done over several turns of the event loop', async () => {
    const turns = turnsOfTheEventLoop(20);
    assert.deepEqual(await new Slices(1, written).request(working(turns.passed), noCancellation), { answer: 'answer' });
  });

  it('lets background work through only once no request is running', async () => {
    const slices = new Slices(1, written);
    const turns = turnsOfTheEventLoop(20);
    const answered = slices.request(working(turns.passed), noCancellation);
    await slices.backgroundTurn();
    assert.ok(turns.passed(), 'the background work went on while the request was working');
    await answered;
  });

  it('lets the answer of a request that ended be handed over before background work goes on', async () => {
    const slices = new Slices(1, written);
    const turns = turnsOfTheEventLoop(20);
    let handedOver = false;
    // As vscode-jsonrpc does: the answer goes to the connection some promise reactions after the
    // request's own promise settles (the handler's, then the reply's).
    let answered: Promise<unknown> = slices.request(working(turns.passed), noCancellation);
    for (let reaction = 0; reaction < 10; reaction++) answered = answered.then(() => undefined);
    answered = answered.then(() => (handedOver = true));
    await slices.backgroundTurn();
    assert.ok(handedOver, 'background work went on before the answer was handed over');
    await answered;
  });

  it('lets a message that came in during a slice be handled before the next slice, as vscode-jsonrpc handles it', async () => {
    // A real socket: its data is read in the event loop's poll phase, and handled in an immediate.
    const listener = net.createServer();
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const client = net.connect((listener.address() as net.AddressInfo).port, '127.0.0.1');
    const [socket] = (await once(listener, 'connection')) as [net.Socket];
    try {
      // Turns of the event loop, counted by an immediate that each step queues if none is queued.
      let turn = 0;
      let counting = false;
      const stepTurns: number[] = [];
      let sentInTurn: number | undefined;
      let handled: { readonly steps: number } | undefined;
      socket.on('data', () => setImmediate(() => (handled = { steps: stepTurns.length })));
      function* work(): Steps<string> {
        while (!handled || turn < 3 + stepTurns[handled.steps - 1]) {
          if (!counting) {
            counting = true;
            setImmediate(() => {
              turn++;
              counting = false;
            });
          }
          stepTurns.push(turn);
          if (stepTurns.length === 50) {
            client.write('{}');
            sentInTurn = turn;
          }
          yield;
        }
        return 'done';
      }
      assert.deepEqual(await new Slices(1, written).background(work(), () => true), { answer: 'done' });
      assert.ok(handled && sentInTurn !== undefined);
      const stepsBeforeHandling = stepTurns.slice(0, handled.steps);
      assert.deepEqual(stepsBeforeHandling.filter((t) => t > sentInTurn!), [], 'a slice after the one the message came in ran before it was handled');
    } finally {
      client.destroy();
      socket.destroy();
      listener.close();
    }
  });
});
