#!/usr/bin/env node
// Starts Azurite (blob + queue + table, in memory) on free 127.0.0.1 ports, prints the connection string of its
// development account on one line once all three accept connections, and runs until stdin closes or a signal
// comes; then it stops the three servers. Watching stdin is what lets the caller's death, even a kill -9, end
// Azurite too: the OS closes the pipe. Used by tools/with-azurite.sh and by the .NET tests (Harness/Azurite.cs).
'use strict';
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const services = ['blob', 'queue', 'table'];
const host = '127.0.0.1';
// The well-known development account key of the storage emulator (public, not a secret).
const account = 'AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const children = [];
let stopping = false;

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill();
  process.exit(code);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.on('connect', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
  });
}

async function waitFor(service, port) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`azurite-${service} did not accept connections on ${host}:${port} within 30 s`);
}

async function main() {
  process.stdin.on('end', () => stop(0));
  process.stdin.on('error', () => stop(0));
  process.stdin.resume();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

  const ports = {};
  for (const service of services) {
    let port;
    do port = await freePort(); while (Object.values(ports).includes(port));
    ports[service] = port;
  }

  const azurite = path.dirname(require.resolve('azurite/package.json'));
  for (const service of services) {
    const child = spawn(process.execPath, [
      path.join(azurite, 'dist', 'src', service, 'main.js'),
      `--${service}Host`, host, `--${service}Port`, String(ports[service]),
      '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck', '--silent',
    ], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`azurite-${service} exited (${signal ?? code})`);
        stop(1);
      }
    });
    children.push(child);
  }

  await Promise.all(services.map((service) => waitFor(service, ports[service])));
  const endpoints = services.map((service) =>
    `${service[0].toUpperCase()}${service.slice(1)}Endpoint=http://${host}:${ports[service]}/devstoreaccount1;`);
  console.log(`DefaultEndpointsProtocol=http;${account};${endpoints.join('')}`);
}

main().catch((error) => {
  console.error(error.message);
  stop(1);
});
