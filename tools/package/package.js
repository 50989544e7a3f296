#!/usr/bin/env node
// Builds the Teams app package (manifest.json with this environment's values, icons, localisation files, zipped
// flat) and validates it offline. Run it through ./package.sh, which installs the pinned schema package first.
//
//   node package.js [--env FILE]... [--manifest DIR] [--out DIR]
//
// Values: {{NAME}} in manifest.json and the language files is replaced by BEPBOT_NAME, read from
// <manifest>/package.env, then each --env file, then the environment (the environment wins).
// Checks: the official Teams JSON schema of the manifest's version and its localisation schema, both read from
// npm @microsoft/app-manifest (no network), then what the schema cannot say: real GUIDs, the bot's domain,
// icon sizes, a transparent white-only outline icon, language files that translate exactly the manifest's
// strings, command lists Teams can show. Every problem is printed; exit 1 if any, else the zip is written.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const png = require('./png');

const REPO = path.resolve(__dirname, '..', '..');
const NODE_TOOLS = process.env.BEPBOT_TEST_NODE_TOOLS || path.join(REPO, 'tests', 'node');

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
// Teams shows at most this much of a bot command (the schema allows longer strings than the client displays).
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

function parseArgs(argv) {
  const options = { envFiles: [], manifestDir: path.join(REPO, 'manifest'), out: path.join(REPO, 'artifacts', 'teams') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--env') options.envFiles.push(path.resolve(value()));
    else if (arg === '--manifest') options.manifestDir = path.resolve(value());
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: package.sh [--env FILE]... [--manifest DIR] [--out DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

function readEnvFile(file) {
  const values = {};
  for (const [index, line] of fs.readFileSync(file, 'utf8').split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals < 1) throw new Error(`${file}:${index + 1}: expected NAME=value`);
    values[trimmed.slice(0, equals).trim()] = trimmed.slice(equals + 1).trim();
  }
  return values;
}

function loadValues(options) {
  const values = {};
  const defaults = path.join(options.manifestDir, 'package.env');
  for (const file of [defaults, ...options.envFiles]) {
    if (file === defaults && !fs.existsSync(file)) continue;
    if (!fs.existsSync(file)) throw new Error(`--env ${file}: no such file`);
    Object.assign(values, readEnvFile(file));
  }
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('BEPBOT_') && value !== '') values[name] = value;
  }
  // The tab's single sign-on needs an app registration with an Application ID URI: the bot's own when it is one
  // (SingleTenant, MultiTenant); a managed identity (UserAssignedMSI) cannot expose an API, so it gets its own.
  if (values.BEPBOT_SSO_APP_ID === undefined && values.BEPBOT_BOT_ID !== undefined) values.BEPBOT_SSO_APP_ID = values.BEPBOT_BOT_ID;
  return values;
}

// Substitutes {{NAME}} with BEPBOT_NAME, JSON-escaped (the templates are JSON text).
function substitute(text, values, file, errors) {
  return text.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name) => {
    const key = `BEPBOT_${name}`;
    if (values[key] === undefined) {
      errors.add(`${file}: {{${name}}} has no value: set ${key} in the environment or in an --env file`);
      return `{{${name}}}`;
    }
    return JSON.stringify(values[key]).slice(1, -1);
  });
}

class Errors {
  constructor() { this.list = []; }
  add(message) { if (!this.list.includes(message)) this.list.push(message); }
  get any() { return this.list.length > 0; }
}

function loadSchemaPackage(errors) {
  const packageJson = path.join(NODE_TOOLS, 'node_modules', '@microsoft', 'app-manifest', 'package.json');
  if (!fs.existsSync(packageJson)) {
    errors.add(`@microsoft/app-manifest is not installed in ${NODE_TOOLS}: run \`npm ci --prefix tests/node\` (package.sh does it)`);
    return undefined;
  }
  const root = path.dirname(packageJson);
  return { module: require(root), schemas: path.join(root, 'build', 'json-schemas', 'teams') };
}

function readSchema(schemas, version, file) {
  const schemaPath = path.join(schemas, `v${version}`, file);
  if (!fs.existsSync(schemaPath)) return undefined;
  // Same clean-up as the package's own loader (the published schemas hold regex escapes AJV rejects), plus one
  // it lacks: the localisation schema's activityTypes patterns end a group with a lone `]`, which a unicode
  // RegExp (how AJV compiles patterns) refuses; escaping it keeps the pattern's meaning.
  const text = fs.readFileSync(schemaPath, 'utf8')
    .replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')
    .replaceAll('\\\\b]', '\\\\b\\\\]');
  return JSON.parse(text);
}

async function validateSchemas(manifest, languages, errors) {
  const loaded = loadSchemaPackage(errors);
  if (!loaded) return;
  const version = manifest.manifestVersion;
  const schema = typeof version === 'string' ? readSchema(loaded.schemas, version, 'MicrosoftTeams.schema.json') : undefined;
  if (!schema) {
    const shipped = fs.readdirSync(loaded.schemas).filter((name) => /^v\d/.test(name)).join(', ');
    errors.add(`manifest.json: manifestVersion ${JSON.stringify(version)} has no schema in @microsoft/app-manifest (it ships ${shipped})`);
    return;
  }
  const { AppManifestUtils } = loaded.module;
  for (const failure of await AppManifestUtils.validateAgainstSchema(manifest, schema)) {
    errors.add(`manifest.json: schema v${version}: ${failure.trim()}`);
  }
  const localisationSchema = readSchema(loaded.schemas, version, 'MicrosoftTeams.Localization.schema.json');
  for (const language of languages) {
    if (!language.json) continue;
    for (const failure of await AppManifestUtils.validateAgainstSchema(language.json, localisationSchema)) {
      errors.add(`${language.file}: localisation schema v${version}: ${failure.trim()}`);
    }
  }
}

function checkIdentifiers(manifest, values, errors) {
  for (const [where, id] of [['id', manifest.id], ['bots[0].botId', manifest.bots?.[0]?.botId], ['webApplicationInfo.id', manifest.webApplicationInfo?.id]]) {
    if (typeof id === 'string' && GUID.test(id) && /^[0-]+$/.test(id)) {
      errors.add(`manifest.json: ${where} is the all-zero GUID, a placeholder: give the real id`);
    }
  }
  const botId = manifest.bots?.[0]?.botId;
  if (manifest.id && botId && manifest.id.toLowerCase() === String(botId).toLowerCase()) {
    errors.add('manifest.json: the Teams app id (BEPBOT_APP_ID) must differ from the bot id (BEPBOT_BOT_ID)');
  }
  const domain = values.BEPBOT_BOT_DOMAIN;
  // The tab's single sign-on token is asked for this resource; the bot accepts the same Application ID URI (docs/deploy.md).
  const ssoAppId = manifest.webApplicationInfo?.id;
  const resource = manifest.webApplicationInfo?.resource;
  if (resource !== undefined && domain !== undefined && ssoAppId && resource !== `api://${domain}/${ssoAppId}`) {
    errors.add(`manifest.json: webApplicationInfo.resource must be api://${domain}/${ssoAppId}, the Application ID URI of the tab's app registration`);
  }
  if (domain !== undefined && !HOST.test(domain)) {
    errors.add(`BEPBOT_BOT_DOMAIN ${JSON.stringify(domain)} must be a host name only, e.g. bepbot-prod.azurewebsites.net (no https://, no path, no port)`);
  }
  if (domain !== undefined && !(manifest.validDomains ?? []).includes(domain)) {
    errors.add(`manifest.json: validDomains must list the bot's domain ${domain}`);
  }
}

function checkIcon(dir, file, expected, errors) {
  if (typeof file !== 'string') return undefined;
  const iconPath = path.join(dir, file);
  if (path.dirname(path.normalize(file)) !== '.') errors.add(`manifest.json: icon ${file} must sit beside manifest.json (the package is flat)`);
  if (!fs.existsSync(iconPath)) {
    errors.add(`icons: ${file} is missing`);
    return undefined;
  }
  let image;
  try {
    image = png.decode(fs.readFileSync(iconPath));
  } catch (error) {
    errors.add(`icons: ${file}: ${error.message}`);
    return undefined;
  }
  if (image.width !== expected || image.height !== expected) {
    errors.add(`icons: ${file} is ${image.width}x${image.height}, Teams requires ${expected}x${expected}`);
  }
  return image;
}

function checkIcons(dir, manifest, errors) {
  checkIcon(dir, manifest.icons?.color, 192, errors);
  const outline = checkIcon(dir, manifest.icons?.outline, 32, errors);
  if (!outline) return;
  const { width, height, rgba } = outline;
  let coloured = 0;
  let opaque = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] === 0) continue;
    opaque++;
    if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) coloured++;
  }
  const corners = [0, width - 1, (height - 1) * width, height * width - 1].map((p) => rgba[p * 4 + 3]);
  if (corners.some((alpha) => alpha !== 0)) {
    errors.add(`icons: ${manifest.icons.outline} must have a transparent background (its corners are not transparent)`);
  }
  if (coloured > 0) {
    errors.add(`icons: ${manifest.icons.outline} must be white only: ${coloured} visible pixel(s) are not white`);
  }
  if (opaque === 0) errors.add(`icons: ${manifest.icons.outline} is fully transparent`);
}

// The strings Teams takes from a language file, as the localisation schema names them.
function localisableStrings(manifest) {
  const strings = new Map();
  const put = (key, value) => { if (typeof value === 'string') strings.set(key, value); };
  put('name.short', manifest.name?.short);
  put('name.full', manifest.name?.full);
  put('description.short', manifest.description?.short);
  put('description.full', manifest.description?.full);
  (manifest.bots?.[0]?.commandLists ?? []).forEach((list, l) => (list.commands ?? []).forEach((command, c) => {
    put(`bots[0].commandLists[${l}].commands[${c}].title`, command.title);
    put(`bots[0].commandLists[${l}].commands[${c}].description`, command.description);
  }));
  (manifest.staticTabs ?? []).forEach((tab, t) => put(`staticTabs[${t}].name`, tab.name));
  return strings;
}

function readLanguages(dir, manifest, values, errors) {
  const info = manifest.localizationInfo;
  if (!info) return [];
  const languages = [];
  const tags = new Set([String(info.defaultLanguageTag).toLowerCase()]);
  for (const entry of info.additionalLanguages ?? []) {
    const tag = String(entry.languageTag).toLowerCase();
    if (tags.has(tag)) errors.add(`manifest.json: language ${entry.languageTag} is listed twice (the default language needs no file)`);
    tags.add(tag);
    const file = entry.file;
    if (typeof file !== 'string') continue;
    if (path.dirname(path.normalize(file)) !== '.') errors.add(`manifest.json: language file ${file} must sit beside manifest.json`);
    const filePath = path.join(dir, file);
    if (!fs.existsSync(filePath)) {
      errors.add(`localisation: ${file} (${entry.languageTag}) is missing`);
      continue;
    }
    const text = substitute(fs.readFileSync(filePath, 'utf8'), values, file, errors);
    try {
      languages.push({ tag: entry.languageTag, file, text, json: JSON.parse(text) });
    } catch (error) {
      errors.add(`localisation: ${file} is not valid JSON: ${error.message}`);
    }
  }
  if (info.defaultLanguageFile) errors.add('manifest.json: defaultLanguageFile is not used here: the default language is manifest.json itself');
  return languages;
}

function checkTranslations(manifest, languages, errors) {
  const expected = localisableStrings(manifest);
  for (const language of languages) {
    const keys = Object.keys(language.json).filter((key) => key !== '$schema' && key !== 'localizationKeys');
    for (const key of keys) {
      if (!expected.has(key)) errors.add(`localisation: ${language.file}: "${key}" translates nothing in manifest.json`);
      else if (typeof language.json[key] !== 'string' || language.json[key].trim() === '') errors.add(`localisation: ${language.file}: "${key}" is empty`);
    }
    for (const key of expected.keys()) {
      if (!keys.includes(key)) errors.add(`localisation: ${language.file}: "${key}" is missing (manifest.json has it)`);
    }
  }
}

function checkCommands(manifest, languages, errors) {
  const bot = manifest.bots?.[0];
  if (!bot) return;
  const botScopes = new Set(bot.scopes ?? []);
  const seen = new Map();
  (bot.commandLists ?? []).forEach((list, l) => {
    for (const scope of list.scopes ?? []) {
      if (!botScopes.has(scope)) errors.add(`manifest.json: commandLists[${l}] is for scope ${scope}, where the bot is not installed`);
      if (seen.has(scope)) errors.add(`manifest.json: scope ${scope} has two command lists (${seen.get(scope)} and ${l}): Teams shows only one`);
      seen.set(scope, l);
    }
  });
  const sources = [{ file: 'manifest.json', get: (key) => localisableStrings(manifest).get(key) }]
    .concat(languages.map((language) => ({ file: language.file, get: (key) => language.json[key] })));
  for (const source of sources) {
    (bot.commandLists ?? []).forEach((list, l) => {
      const titles = new Set();
      (list.commands ?? []).forEach((_, c) => {
        const title = source.get(`bots[0].commandLists[${l}].commands[${c}].title`);
        const description = source.get(`bots[0].commandLists[${l}].commands[${c}].description`);
        const where = `${source.file}: bots[0].commandLists[${l}].commands[${c}]`;
        if (typeof title === 'string') {
          if (title.length > COMMAND_TITLE_MAX) errors.add(`${where}.title "${title}" is longer than the ${COMMAND_TITLE_MAX} characters Teams shows`);
          const folded = title.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
          if (titles.has(folded)) errors.add(`${where}.title "${title}" appears twice in the list`);
          titles.add(folded);
        }
        if (typeof description === 'string' && description.length > COMMAND_DESCRIPTION_MAX) {
          errors.add(`${where}.description is ${description.length} characters, more than the ${COMMAND_DESCRIPTION_MAX} Teams shows`);
        }
      });
    });
  }
}

// A flat zip (stored names, deflated data): all an app package needs, without a zip package.
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = zlib.deflateRawSync(data, { level: 9 });
    const crc = zlib.crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10); // time
    header.writeUInt16LE(0x21, 12); // date: 1980-01-01, so the same input gives the same zip
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    locals.push(header, nameBytes, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const errors = new Errors();
  const values = loadValues(options);
  const manifestPath = path.join(options.manifestDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`${manifestPath}: no such file`);
  const manifestText = substitute(fs.readFileSync(manifestPath, 'utf8'), values, 'manifest.json', errors);
  let manifest;
  try {
    manifest = JSON.parse(manifestText);
  } catch (error) {
    errors.add(`manifest.json is not valid JSON: ${error.message}`);
  }

  let languages = [];
  if (manifest) {
    languages = readLanguages(options.manifestDir, manifest, values, errors);
    await validateSchemas(manifest, languages, errors);
    checkIdentifiers(manifest, values, errors);
    checkIcons(options.manifestDir, manifest, errors);
    checkTranslations(manifest, languages, errors);
    checkCommands(manifest, languages, errors);
  }

  if (errors.any) {
    for (const message of errors.list) console.error(`error: ${message}`);
    console.error(`package: ${errors.list.length} error(s); no package written.`);
    process.exit(1);
  }

  const entries = [
    { name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') },
    { name: manifest.icons.color, data: fs.readFileSync(path.join(options.manifestDir, manifest.icons.color)) },
    { name: manifest.icons.outline, data: fs.readFileSync(path.join(options.manifestDir, manifest.icons.outline)) },
    ...languages.map((language) => ({ name: language.file, data: Buffer.from(language.text, 'utf8') })),
  ];
  fs.mkdirSync(options.out, { recursive: true });
  const target = path.join(options.out, `bepbot-${manifest.version}.zip`);
  fs.writeFileSync(target, zip(entries));
  const expanded = path.join(options.out, 'appPackage');
  fs.rmSync(expanded, { recursive: true, force: true });
  fs.mkdirSync(expanded);
  for (const entry of entries) fs.writeFileSync(path.join(expanded, entry.name), entry.data);
  console.log(`package: ${target} (manifest v${manifest.manifestVersion}, app ${manifest.id}, bot ${manifest.bots[0].botId}, ` +
    `${entries.length} files, valid)`);
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
