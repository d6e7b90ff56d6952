// Upload throughput and time-to-visible of a 5 MB image against a running edge (docs/benchmarks.md "Attachments").
// node --experimental-websocket loadgen/attachment-bench.mjs http://127.0.0.1:8080 [rounds]   (the flag: Node 20; 22+ has WebSocket)
// Per round: register the upload, PUT the bytes to the signed URL (throughput), complete it (the server decodes the
// image and writes its thumbnail), send the message; "visible" is when the other member's socket got message.new and
// the thumbnail from its signed link has been downloaded, as the web client shows it.
import { randomBytes, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** PNG's CRC-32 (node:zlib has crc32 only from Node 22). */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const rounds = Number(process.argv[3] ?? 5);

/** An RGB PNG of random pixels: incompressible, so its size is what is uploaded (1450×1150 ≈ 5.0 MB). */
function noisePng(width, height) {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) randomBytes(width * 3).copy(raw, y * row + 1);
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function call(method, path, token, body) {
  const response = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function register(name) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}-${randomUUID().slice(0, 8)}@bench.test`;
  return call('POST', '/api/auth/register', null, { email, password: 'a long enough password', displayName: name });
}

const absolute = (url) => (url.startsWith('/') ? base + url : url);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const alice = await register('Bench Alice');
const bob = await register('Bench Bob');
const conversation = await call('POST', '/api/conversations', alice.accessToken, { participantIds: [bob.user.id] });
const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/ws?access_token=${bob.accessToken}`);
const waiting = new Map();
socket.onmessage = (event) => {
  const frame = JSON.parse(event.data);
  if (frame.type === 'message.new') waiting.get(frame.message.clientMessageId)?.(frame.message);
};
await new Promise((resolve) => socket.addEventListener('message', resolve, { once: true }));

const image = noisePng(1450, 1150);
console.log(`image: ${(image.length / 1e6).toFixed(2)} MB PNG, 1450×1150; ${rounds} rounds against ${base}`);
const results = [];
for (let i = 0; i < rounds; i++) {
  const clientMessageId = randomUUID();
  const seen = new Promise((resolve) => waiting.set(clientMessageId, resolve));
  const t0 = performance.now();
  const created = await call('POST', '/api/attachments', alice.accessToken, {
    conversationId: conversation.conversationId,
    name: `noise-${i}.png`,
    contentType: 'image/png',
    sizeBytes: image.length,
  });
  const tPut = performance.now();
  const put = await fetch(absolute(created.upload.url), { method: 'PUT', headers: created.upload.headers, body: image });
  if (!put.ok) throw new Error(`upload → ${put.status}`);
  const tPutDone = performance.now();
  const attachment = await call('POST', `/api/attachments/${created.attachmentId}/complete`, alice.accessToken, {});
  const tComplete = performance.now();
  await call('POST', `/api/conversations/${conversation.conversationId}/messages`, alice.accessToken, {
    clientMessageId,
    content: '',
    attachmentIds: [attachment.attachmentId],
  });
  await seen;
  const links = await call('GET', `/api/attachments/${attachment.attachmentId}`, bob.accessToken);
  const thumbnail = await fetch(absolute(links.thumbnailUrl));
  await thumbnail.arrayBuffer();
  const tVisible = performance.now();
  results.push({
    putMs: tPutDone - tPut,
    mbPerSecond: image.length / 1e6 / ((tPutDone - tPut) / 1000),
    completeMs: tComplete - tPutDone,
    visibleMs: tVisible - t0,
  });
  console.log(
    `round ${i + 1}: PUT ${(tPutDone - tPut).toFixed(0)} ms (${results.at(-1).mbPerSecond.toFixed(1)} MB/s), complete ${(tComplete - tPutDone).toFixed(0)} ms, visible after ${(tVisible - t0).toFixed(0)} ms`,
  );
}
socket.close();
console.log(
  `median: PUT ${median(results.map((r) => r.putMs)).toFixed(0)} ms = ${median(results.map((r) => r.mbPerSecond)).toFixed(1)} MB/s; ` +
    `complete ${median(results.map((r) => r.completeMs)).toFixed(0)} ms; time-to-visible ${median(results.map((r) => r.visibleMs)).toFixed(0)} ms`,
);
