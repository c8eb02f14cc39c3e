import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Cuts every connection and refuses new ones, as if the database host went away. */
  cut(): Promise<void>;
  close(): Promise<void>;
}

/** A loopback TCP proxy in front of the database, so a test can take the database "down". */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { port, cut: close, close };
}

/** host and port of the first server in a mongodb:// URI. */
export function hostOf(uri: string): { host: string; port: number } {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^:/,]+)(?::(\d+))?/.exec(uri);
  if (!match?.[1]) throw new Error(`cannot proxy ${uri}: only mongodb:// URIs are supported`);
  return { host: match[1], port: Number(match[2] ?? 27017) };
}
