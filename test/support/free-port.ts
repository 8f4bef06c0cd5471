import * as net from 'net';

/**
 * A TCP port free on 127.0.0.1 right now (the OS picks it), for a server a test starts.
 *
 * @example const port = await freePort(); // => 40313, say
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
