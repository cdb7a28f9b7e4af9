// RFC 4180 CSV as the service reads it: a header line, fields with , " or line breaks quoted.

/**
 * The records of a CSV text after its header, as the service counts them (a blank record is skipped and takes
 * no index): for each, the line it starts on (1-based, the header being line 1) and its text as written.
 */
export function dataRecords(text) {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = [];
  let line = 1;
  let start = 0;
  let startLine = 1;
  let quoted = false;
  const end = at => {
    records.push({ line: startLine, text: source.slice(start, at) });
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"') quoted = !quoted;
    else if ((c === '\n' || c === '\r') && !quoted) {
      end(i);
      if (c === '\r' && source[i + 1] === '\n') i++;
      line++;
      start = i + 1;
      startLine = line;
    } else if (c === '\n') line++;
  }
  if (start < source.length) end(source.length);
  return records.slice(1).filter(record => record.text.trim() !== '');
}
