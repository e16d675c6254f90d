// An account and a number -> who held that number when, as an SVG timeline: recycled numbers at a glance.
import {h, svg, link, text, time} from './dom.js';
import {getJson, path} from './api.js';
import {fill, idField, lookupView, message} from './ui.js';

const MAX_LOOKUPS = 24;
const HOUR = 3_600_000;

export async function render(root, [accountId = '', number = '']) {
  const result = lookupView(root, {
    title: 'Who held a number when', route: 'number',
    hint: 'Numbers are recycled when people leave: enter an account and a number to see every holder.',
    fields: [idField('accountId', 'Account id', accountId),
      {name: 'number', label: 'Extension number', value: number, pattern: '[0-9]{1,16}', numeric: true}],
  });
  if (!result) return;
  await fill(result, async () => {
    const found = await holdersOf(accountId, number, Date.now());
    if (!found.holders.length) return message('warn', `No extension of account ${accountId} is known to have held ${number}.`);
    return [chart(found, number), holdingsTable(found.holders, number),
      h('p', {class: 'hint'}, `Found with ${found.lookups} API lookups: the current holder, the account's extensions `
        + 'whose number it is (departed ones included), their histories, and lookups "who held it then" inside the gaps.')];
  });
}

/**
 * Every extension known to have held the number, with its holding intervals from its history rows. Candidates: the
 * holder now, the account's extensions (deleted ones too) whose last number it is, and the holders found by asking
 * who held it just before the earliest holding and inside each gap (halving gaps, within MAX_LOOKUPS).
 */
async function holdersOf(accountId, number, now) {
  const holders = new Map();
  let lookups = 0;
  const addHolder = async snapshot => {
    if (holders.has(snapshot.extensionId)) return false;
    holders.set(snapshot.extensionId, null);
    lookups++;
    const rows = (await getJson(path(['v1', 'extensions', snapshot.extensionId, 'history']))).body.rows;
    holders.set(snapshot.extensionId, {extensionId: snapshot.extensionId, rows, intervals: holdings(rows, number, now)});
    return true;
  };
  const holderAt = async at => {
    lookups++;
    try {
      return (await getJson(path(['v1', 'accounts', accountId, 'extension-numbers', number],
        {at: new Date(at).toISOString()}))).body;
    } catch (error) {
      if (error.status === 404) return null;
      throw error;
    }
  };

  const current = await holderAt(now);
  if (current) await addHolder(current);
  for (const status of [[], ['Deleted']]) {
    lookups++;
    const listing = (await getJson(path(['v1', 'accounts', accountId, 'extensions'], {status, perPage: 1000}))).body;
    for (const extension of listing.records) {
      if (extension.extensionNumber === number) await addHolder(extension);
    }
  }
  const earliest = () => Math.min(...[...holders.values()].filter(Boolean).flatMap(h => h.intervals).map(i => i.from));
  const minGap = () => Math.max(HOUR, (now - earliest()) / 100); // polls are minutes apart: shorter holdings are rare
  let gaps = gapsBetween(holders, now);
  while (gaps.length && lookups < MAX_LOOKUPS) {
    const [from, to] = gaps.shift();
    const at = to === null ? from : Math.floor((from + to) / 2);
    const holder = await holderAt(at);
    if (holder && await addHolder(holder)) {
      gaps = gapsBetween(holders, now);
    } else if (!holder && to !== null && to - from > 2 * minGap()) {
      gaps.push([from, at], [at, to]);
    }
  }
  const known = [...holders.values()].filter(holder => holder && holder.intervals.length);
  known.sort((a, b) => a.intervals[0].from - b.intervals[0].from);
  return {holders: known, lookups, now};
}

/** The intervals an extension's history rows say it held the number (a deletion releases it), merged when adjacent. */
function holdings(rows, number, now) {
  const intervals = [];
  for (const row of rows) {
    if (row.extensionNumber !== number || row.change === 'DELETED') continue;
    const from = Date.parse(row.validFrom);
    const to = row.validTo ? Date.parse(row.validTo) : now;
    const last = intervals[intervals.length - 1];
    if (last && last.to === from) {
      Object.assign(last, {to, open: !row.validTo, toIso: row.validTo});
    } else {
      intervals.push({from, to, open: !row.validTo, fromIso: row.validFrom, toIso: row.validTo, name: row.name});
    }
  }
  return intervals;
}

/** Unexplained time: just before the earliest holding ([t, null]: one lookup), and between holdings. */
function gapsBetween(holders, now) {
  const intervals = [...holders.values()].filter(Boolean).flatMap(h => h.intervals).sort((a, b) => a.from - b.from);
  if (!intervals.length) return [];
  const gaps = [[intervals[0].from - 1, null]];
  let end = intervals[0].to;
  for (const interval of intervals.slice(1)) {
    if (interval.from > end) gaps.push([end, interval.from]);
    end = Math.max(end, interval.to);
  }
  if (end < now - HOUR) gaps.push([end, now]);
  return gaps;
}

const nameOf = holder => holder.rows[holder.rows.length - 1].name ?? '(no name)';

function chart({holders, now}, number) {
  const W = 960, LABEL = 210, RIGHT = 24, LANE = 38, TOP = 12, AXIS = 34;
  const start = Math.min(...holders.map(h => h.intervals[0].from));
  const pad = Math.max((now - start) * 0.02, 60_000);
  const lo = start - pad, hi = now + pad;
  const x = t => LABEL + ((t - lo) / (hi - lo)) * (W - LABEL - RIGHT);
  const height = TOP + holders.length * LANE + AXIS;
  const day = 86_400_000;
  const tickLabel = t => new Date(t).toISOString().slice(hi - lo > 2 * day ? 0 : 11, hi - lo > 2 * day ? 10 : 16);
  const ticks = Array.from({length: 6}, (_, i) => lo + ((hi - lo) * i) / 5);
  const axisY = TOP + holders.length * LANE + 6;
  return h('figure', {class: 'chart'},
    svg('svg', {viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-labelledby': 'chart-title', class: 'holders'},
      svg('title', {id: 'chart-title'}, `Who held ${number} over time`),
      ticks.map((t, i) => svg('g', {class: 'tick'},
        svg('line', {x1: x(t), x2: x(t), y1: TOP, y2: axisY}),
        svg('text', {x: x(t), y: axisY + 16, 'text-anchor': ['start', 'middle', 'middle', 'middle', 'middle', 'end'][i]},
          tickLabel(t)))),
      holders.map((holder, lane) => svg('g', {class: `lane c${lane % 6}`, 'data-extension-id': holder.extensionId,
        transform: `translate(0 ${TOP + lane * LANE})`},
        svg('text', {class: 'lane-label', x: LABEL - 12, y: LANE / 2 - 2, 'text-anchor': 'end'}, clip(nameOf(holder), 26)),
        svg('text', {class: 'lane-id', x: LABEL - 12, y: LANE / 2 + 11, 'text-anchor': 'end'}, `ext. ${holder.extensionId}`),
        holder.intervals.map(interval => {
          const x0 = x(interval.from), width = Math.max(3, x(interval.to) - x0);
          return svg('g', {class: 'holding', 'data-from': interval.fromIso, 'data-to': interval.toIso ?? ''},
            svg('rect', {x: x0, y: 7, width, height: LANE - 14, rx: 5}),
            width > 110 ? svg('text', {class: 'bar-label', x: x0 + 8, y: LANE / 2 + 4}, period(interval)) : null,
            svg('title', null, `${text(interval.name)} (extension ${holder.extensionId}) held ${number} from `
              + `${interval.fromIso} ${interval.toIso ? 'to ' + interval.toIso : 'until now'}`));
        }))),
      svg('line', {class: 'now', x1: x(now), x2: x(now), y1: TOP - 6, y2: axisY}),
      svg('text', {class: 'now-label', x: x(now), y: TOP - 2, 'text-anchor': 'end'}, 'now ')),
    h('figcaption', null, `Number ${number}: ${holders.length} holder${holders.length === 1 ? '' : 's'}`));
}

function holdingsTable(holders, number) {
  const rows = holders.flatMap(holder => holder.intervals.map(interval => ({holder, interval})))
    .sort((a, b) => a.interval.from - b.interval.from);
  return h('table', {class: 'holdings'},
    h('thead', null, h('tr', null, ['Held by', 'Extension id', 'From', 'To'].map(t => h('th', null, t)))),
    h('tbody', null, rows.map(({holder, interval}) => h('tr', {'data-extension-id': holder.extensionId},
      h('td', {class: 'name'}, text(interval.name)),
      h('td', null, link(holder.extensionId, 'history', holder.extensionId)),
      h('td', null, time(interval.fromIso)),
      h('td', null, interval.toIso ? time(interval.toIso) : `now (still holds ${number})`)))));
}

/** "11-07 → 11-11", or "since 11-23" while it still holds it. */
const period = interval => {
  const day = iso => iso.slice(5, 10);
  return interval.toIso ? `${day(interval.fromIso)} → ${day(interval.toIso)}` : `since ${day(interval.fromIso)}`;
};

const clip = (value, max) => (value.length > max ? value.slice(0, Math.max(1, max - 1)) + '…' : value);
