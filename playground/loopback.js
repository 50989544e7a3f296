// Preloaded into the Agents Playground (node --require): it has no host option and would listen on every
// interface; local play stays on 127.0.0.1 like the bot.
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const [first, second] = args;
  if ((typeof first === 'number' || /^\d+$/.test(String(first))) && typeof second !== 'string') {
    return listen.call(this, first, '127.0.0.1', ...args.slice(1));
  }
  if (first !== null && typeof first === 'object' && first.host === undefined && first.path === undefined) {
    return listen.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  }
  return listen.apply(this, args);
};
