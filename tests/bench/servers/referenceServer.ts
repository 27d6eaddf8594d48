import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

/**
 * The reference: @y/websocket-server 0.1.1 (the last on Yjs 13) as its own bin sets it up,
 * minus persistence (YPERSISTENCE unset) and on port 0. The document is the URL path.
 */
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`reference listening on ${typeof address === 'object' && address ? address.port : '?'}`);
});
process.on('SIGTERM', () => process.exit(0));
