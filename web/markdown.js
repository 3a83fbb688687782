// The small part of Markdown the assistant writes (paragraphs, line breaks, **bold**, `code`,
// [links](https://...), bullet and numbered lists, headings, fenced code and pipe tables), parsed
// into plain data. Nothing here touches the DOM or produces HTML: render.js builds elements from
// this data with textContent only, so record text can never become markup.

const FENCE = /^\s*```/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

export function parseBlocks(text) {
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i += 1;
    } else if (FENCE.test(line)) {
      const code = [];
      i += 1;
      while (i < lines.length && !FENCE.test(lines[i])) {
        code.push(lines[i]);
        i += 1;
      }
      i += 1;
      blocks.push({ type: 'code', text: code.join('\n') });
    } else if (isTableStart(lines, i)) {
      const header = splitRow(lines[i]);
      const align = splitRow(lines[i + 1]).map(alignment);
      const rows = [];
      i += 2;
      while (i < lines.length && lines[i].includes('|') && lines[i].trim() !== '') {
        rows.push(fit(splitRow(lines[i]), header.length, '').map(parseInline));
        i += 1;
      }
      blocks.push({ type: 'table', header: header.map(parseInline), align: fit(align, header.length, null), rows });
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items = [];
      while (i < lines.length && pattern.test(lines[i])) {
        items.push(parseInline(lines[i].match(pattern)[1]));
        i += 1;
      }
      blocks.push({ type: 'list', ordered, items });
    } else if (HEADING.test(line)) {
      blocks.push({ type: 'heading', inline: parseInline(line.match(HEADING)[1]) });
      i += 1;
    } else {
      const paragraph = [];
      while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines, i)) {
        paragraph.push(parseInline(lines[i].trim()));
        i += 1;
      }
      blocks.push({ type: 'paragraph', lines: paragraph });
    }
  }
  return blocks;
}

function startsBlock(lines, i) {
  const line = lines[i];
  return FENCE.test(line) || isTableStart(lines, i) || BULLET.test(line) || NUMBERED.test(line) || HEADING.test(line);
}

function isTableStart(lines, i) {
  return i + 1 < lines.length && lines[i].includes('|') && lines[i + 1].includes('-')
    && TABLE_SEPARATOR.test(lines[i + 1]);
}

// Splits "| a | b \| c |" into ["a", "b | c"]: outer pipes are optional, "\|" is a literal pipe.
export function splitRow(line) {
  let row = line.trim();
  if (row.startsWith('|')) {
    row = row.slice(1);
  }
  if (row.endsWith('|') && !row.endsWith('\\|')) {
    row = row.slice(0, -1);
  }
  const cells = [];
  let cell = '';
  for (let k = 0; k < row.length; k += 1) {
    if (row[k] === '\\' && row[k + 1] === '|') {
      cell += '|';
      k += 1;
    } else if (row[k] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += row[k];
    }
  }
  cells.push(cell.trim());
  return cells;
}

function alignment(cell) {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  if (left && right) {
    return 'center';
  }
  return right ? 'right' : left ? 'left' : null;
}

function fit(cells, length, filler) {
  const fitted = cells.slice(0, length);
  while (fitted.length < length) {
    fitted.push(filler);
  }
  return fitted;
}

const INLINE = /\\([[\]*`\\|])|`([^`]+)`|\*\*(.+?)\*\*|\[((?:\\.|[^\]\n\\])+)\]\(([^)\s]+)\)/g;

// Inline spans: text, strong (with inline children), code and link (http and https only). A
// backslash before [ ] * ` \ or | keeps that character as plain text: the server escapes record
// values this way, so a record's text can never become a link or formatting.
export function parseInline(text) {
  const spans = [];
  let last = 0;
  for (const match of String(text).matchAll(INLINE)) {
    if (match.index > last) {
      spans.push({ type: 'text', text: text.slice(last, match.index) });
    }
    const [whole, escaped, code, strong, rawLabel, url] = match;
    const label = rawLabel === undefined ? undefined : rawLabel.replace(/\\(.)/g, '$1');
    if (escaped !== undefined) {
      spans.push({ type: 'text', text: escaped });
    } else if (code !== undefined) {
      spans.push({ type: 'code', text: code });
    } else if (strong !== undefined) {
      spans.push({ type: 'strong', children: parseInline(strong) });
    } else {
      const href = safeHref(url);
      spans.push(href ? { type: 'link', text: label, href } : { type: 'text', text: whole });
    }
    last = match.index + whole.length;
  }
  if (last < text.length) {
    spans.push({ type: 'text', text: text.slice(last) });
  }
  return spans;
}

// Only absolute http(s) addresses become links; javascript:, data: and the like stay plain text.
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
